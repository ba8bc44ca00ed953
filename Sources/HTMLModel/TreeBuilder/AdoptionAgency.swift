/// https://html.spec.whatwg.org/multipage/parsing.html#adoption-agency-algorithm
extension HTMLTreeBuilder {
    /// Runs the adoption agency algorithm for an end tag (or the implied end of `a` / `nobr`).
    /// Returns false when the caller must "act as described in the any other end tag entry".
    mutating func runAdoptionAgency(_ token: TagToken) -> Bool {
        let subject = token.tag
        // Step 2.
        if let current = openElements.current, current.isHTML(subject),
           !activeFormatting.contains(id: current.id) {
            openElements.pop()
            return true
        }
        // Step 4: the outer loop runs at most 8 times.
        for _ in 0..<8 {
            guard let formattingIndex = activeFormatting.lastIndexAfterMarker(ofHTML: subject),
                  let formattingEntry = activeFormatting[formattingIndex].formatting else {
                return false
            }
            let formatting = formattingEntry.element
            guard let formattingStackIndex = openElements.index(ofID: formatting.id) else {
                parseError("adoption-agency-1.2")
                activeFormatting.remove(at: formattingIndex)
                return true
            }
            guard openElements.hasInScope(id: formatting.id) else {
                parseError("adoption-agency-4.4")
                return true
            }
            if formattingStackIndex != openElements.count - 1 {
                parseError("adoption-agency-1.3")
            }

            // Step 4.7: the furthest block is the topmost special element below the
            // formatting element.
            var furthestBlockIndex: Int?
            var index = formattingStackIndex + 1
            while index < openElements.count {
                if openElements[index].isSpecial {
                    furthestBlockIndex = index
                    break
                }
                index += 1
            }
            guard let furthestBlockIndex else {
                while openElements.count > formattingStackIndex { openElements.pop() }
                activeFormatting.remove(at: formattingIndex)
                return true
            }
            // The formatting element is never the root (`html` is not a formatting element).
            guard formattingStackIndex > 0 else { return true }

            let furthestBlock = openElements[furthestBlockIndex]
            let commonAncestor = openElements[formattingStackIndex - 1]
            var bookmark = formattingIndex
            var nodeIndex = furthestBlockIndex
            var lastNode = furthestBlock

            // Step 4.13, the inner loop: walks up from the furthest block to the formatting
            // element, so it is bounded by the stack.
            var innerLoopCounter = 0
            while true {
                innerLoopCounter += 1
                // A node removed from the stack below leaves `nodeIndex - 1` pointing at the
                // element that was above it.
                nodeIndex -= 1
                guard nodeIndex >= 0 else { break }
                var node = openElements[nodeIndex]
                if node.id == formatting.id { break }
                var nodeFormattingIndex = activeFormatting.index(ofID: node.id)
                if innerLoopCounter > 3, let position = nodeFormattingIndex {
                    activeFormatting.remove(at: position)
                    if position < bookmark { bookmark -= 1 }
                    nodeFormattingIndex = nil
                }
                guard let position = nodeFormattingIndex,
                      let nodeEntry = activeFormatting[position].formatting else {
                    openElements.remove(at: nodeIndex)
                    continue
                }
                let replacement = makeElement(name: name(of: node), tag: node.tag, namespace: node.namespace,
                                              attributes: nodeEntry.attributes)
                activeFormatting.replaceElement(at: position, with: replacement)
                openElements.replace(at: nodeIndex, with: replacement)
                node = replacement
                if lastNode.id == furthestBlock.id { bookmark = position + 1 }
                sink.detach(handle(of: lastNode))
                sink.append(handle(of: lastNode), to: handle(of: node))
                lastNode = node
            }

            // Step 4.14.
            sink.detach(handle(of: lastNode))
            link(handle(of: lastNode), at: appropriatePlace(overrideTarget: commonAncestor))

            // Steps 4.15-4.17.
            let newElement = makeElement(name: name(of: formatting), tag: formatting.tag,
                                         namespace: formatting.namespace, attributes: formattingEntry.attributes)
            sink.reparentChildren(of: handle(of: furthestBlock), to: handle(of: newElement))
            sink.append(handle(of: newElement), to: handle(of: furthestBlock))

            // Step 4.18.
            if let oldIndex = activeFormatting.index(ofID: formatting.id) {
                activeFormatting.remove(at: oldIndex)
                if oldIndex < bookmark { bookmark -= 1 }
            }
            activeFormatting.insert(.init(element: newElement, attributes: formattingEntry.attributes),
                                    at: min(max(bookmark, 0), activeFormatting.count))

            // Step 4.19.
            if let oldIndex = openElements.index(ofID: formatting.id) {
                openElements.remove(at: oldIndex)
            }
            if let blockIndex = openElements.index(ofID: furthestBlock.id) {
                openElements.insert(newElement, at: blockIndex + 1)
            }
        }
        return true
    }
}
