import Foundation
import HTMLModel
@testable import HTMXSemantics
import Testing

/// The census lets both htmx versions skip searching a parsed response for titles, scripts
/// and comments, stripping a head and rewriting `<hx-` tags; it may raise false alarms but
/// must never miss one. Checked on every input of the html5lib tree-construction suite,
/// parsed both ways a response is.
@Suite("Response census")
struct ResponseCensusTests {
    static let inputs: [String] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../HTMLModelTests/Data/tree").standardized
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var out: [String] = ["<!--x-->", "<?pi x?>", "</ x>", "</", "<![CDATA[x]]>", "<TITLE>t</TITLE>", "<sCrIpT>s</script>",
                             "<svg><title>t</title><script>s</script></svg>", "<!doctype html><p>x",
                             "<HEAD>h</head><p>x", "a<hx-partial id=\"x\">b</hx-partial>", "<HX-Oob>t</HX-OOB>", "x</hx-a>", "<hx-oob>only opened"]
        for file in files.sorted() where file.hasSuffix(".json") {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(file).path),
                  let cases = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { continue }
            out += cases.compactMap { $0["input"] as? String }
        }
        return out
    }()

    /// What the parsed nodes hold, template contents included.
    static func holdings(_ root: Node) -> (title: Bool, script: Bool, comment: Bool) {
        var found = (title: false, script: false, comment: false)
        var stack = [root]
        while let n = stack.popLast() {
            if n.kind == .comment { found.comment = true }
            if n.isElement {
                if n.localName == "title" { found.title = true }
                if n.localName == "script" { found.script = true }
            }
            stack += n.childNodes + n.templateContentNodes
        }
        return found
    }

    @Test func neverMissesWhatTheParserBuilds() {
        #expect(Self.inputs.count > 1500, "the html5lib inputs are found")
        var missed: [String] = []
        for input in Self.inputs {
            let census = ResponseText.Census(input)
            for parsed in [Document(html: input).node, Document(html: "<body><template>" + input + "</template></body>").node] {
                let held = Self.holdings(parsed)
                if held.title && !census.mayHoldTitle || held.script && !census.mayHoldScript || held.comment && !census.mayHoldComment {
                    missed.append(input)
                }
            }
            if ResponseText.firstHead(input) != nil && !census.mayHoldHead || HTMX4Runtime.rewriteHxTags(input) != input && !census.mayHoldHxTag {
                missed.append(input)
            }
        }
        #expect(missed.isEmpty, "missed: \(missed.prefix(5))")
    }

    @Test func plainMarkupRaisesNoAlarm() {
        let census = ResponseText.Census("<li data-row=\"1\" class=\"r1\"><b>x</b> &amp; <i>y</i> ½ </li>\n<p>a < b</p>")
        #expect(!census.mayHoldTitle && !census.mayHoldScript && !census.mayHoldComment && !census.mayHoldHead && !census.mayHoldHxTag)
        #expect(ResponseText.Census("<p>x</p><!-- c -->").mayHoldComment)
        #expect(ResponseText.Census("<p>x</p></3>").mayHoldComment)
    }
}
