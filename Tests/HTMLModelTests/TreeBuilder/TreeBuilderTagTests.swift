import Testing
@testable import HTMLModel

@Suite("TreeBuilder element tags")
struct TreeBuilderTagTests {
    @Test("every interned tag name looks up to itself")
    func roundTrip() {
        for tag in ElementTag.allCases where tag != .unknown {
            #expect(ElementTag.lookup(tag.name) == tag, "\(tag.name)")
        }
        #expect(ElementTag.lookup("annotation-xml") == .annotationXML)
        #expect(ElementTag.lookup("var") == .var)
        #expect(ElementTag.lookup("foreignobject") == .foreignobject)
    }

    @Test("ids run from 0 below ElementTag.count (the stack's per-tag counts are indexed by id)")
    func denseIDs() {
        #expect(ElementTag.count == ElementTag.allCases.count)
        #expect(ElementTag.allCases.map { Int($0.rawValue) } == Array(0..<ElementTag.count))
    }

    @Test("other names are unknown", arguments: [
        "", "x", "divx", "di", "DIV", "foreignObject", "custom-element", "tablex",
        "averyveryverylongelementname", "h7", "svg:svg", "é",
    ])
    func unknown(_ name: String) {
        #expect(ElementTag.lookup(name) == .unknown)
    }

    @Test("tag sets hold exactly their members")
    func tagSets() {
        let set = ElementTagSet(.html, .tr, .desc, .a)
        for tag in ElementTag.allCases {
            #expect(set.contains(tag) == [.html, .tr, .desc, .a].contains(tag), "\(tag.name)")
        }
        #expect(!ElementCategories.specialHTML.contains(.a))
        #expect(ElementCategories.specialHTML.contains(.template))
        #expect(ElementCategories.defaultScopeHTML.contains(.select))
    }
}
