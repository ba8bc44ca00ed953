import BenchSupport
import CLibXML2Bench
import Foundation
import HeadlessHTMX

// parse-bench PAGE.html STREAM.sse [runs]
// Parse + serialize throughput of the model beside plain libxml2 parsing of the same bytes:
//  1. a large page (PAGE repeated to about 8 MB);
//  2. the data payloads of STREAM's events as small fragments (10,000 for W1-10k).
let args = CommandLine.arguments
guard args.count >= 3 else {
    FileHandle.standardError.write(Data("usage: parse-bench PAGE.html STREAM.sse [runs]\n".utf8))
    exit(2)
}
let runs = args.count > 3 ? Int(args[3]) ?? 5 : 5
let page = Measure.readFile(args[1])

// 1. Large page: repeat the body content until ~8 MB.
let text = String(decoding: page, as: UTF8.self)
let bodyStart = text.range(of: "<body")!.lowerBound
let bodyEnd = text.range(of: "</body>")!.lowerBound
let head = String(text[..<bodyStart]) + "<body>"
let inner = String(text[text.index(after: text[bodyStart...].firstIndex(of: ">")!)..<bodyEnd])
var big = head
while big.utf8.count < 8_000_000 { big += inner }
big += "</body></html>"
let bigBytes = Array(big.utf8)

var sink = 0
let oursParse = Measure.median(runs: runs) {
    let d = Document(html: bigBytes)
    sink &+= d.detachedSubtreeCount
}
let oursBoth = Measure.median(runs: runs) {
    let d = Document(html: bigBytes)
    sink &+= d.body!.outerHTMLBytes.count
}
let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
let libxml = Measure.median(runs: runs) {
    bigBytes.withUnsafeBufferPointer { buf in
        buf.withMemoryRebound(to: CChar.self) { c in
            let doc = htmlReadMemory(c.baseAddress, Int32(c.count), "bench.html", "UTF-8", options)
            xmlFreeDoc(doc)
        }
    }
}
print("large page: \(bigBytes.count) bytes")
print("  model parse            \(Measure.mbps(bigBytes.count, oursParse)) MB/s")
print("  model parse+serialize  \(Measure.mbps(bigBytes.count, oursBoth)) MB/s")
print("  libxml2 htmlReadMemory \(Measure.mbps(bigBytes.count, libxml)) MB/s")
print("  ratio libxml2 / model parse+serialize: \(String(format: "%.2f", oursBoth / libxml))x")

// 2. Fragments: each event's data lines joined by "\n".
var fragments: [[UInt8]] = []
var parser = EventStreamParser(dialect: .browser)
try parser.feed(Measure.readFile(args[2]))
try parser.finish()
while let m = parser.next() { fragments.append(Array(m.data.utf8)) }
let fragBytes = fragments.reduce(0) { $0 + $1.count }
let doc = Document(html: page)
let oursFrag = Measure.median(runs: runs) {
    for f in fragments {
        let parsed = doc.parseFragment(f)
        var s = 0
        for n in parsed.fragment.childNodes { s += n.outerHTMLBytes.count }
        sink &+= s
    }
    doc.releaseDetachedNodes()
}
// Plain libxml2: parse each fragment in the context of the body, as swap_floor does.
let ctxDoc = page.withUnsafeBufferPointer { buf in
    buf.withMemoryRebound(to: CChar.self) { htmlReadMemory($0.baseAddress, Int32($0.count), "p.html", "UTF-8", options) }
}!
let ctxNode = xmlDocGetRootElement(ctxDoc)!.pointee.last!
let libxmlFrag = Measure.median(runs: runs) {
    for f in fragments {
        var list: xmlNodePtr?
        f.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { c in
                _ = xmlParseInNodeContext(ctxNode, c.baseAddress, Int32(c.count), options, &list)
            }
        }
        xmlFreeNodeList(list)
    }
}
xmlFreeDoc(ctxDoc)
print("fragments: \(fragments.count), \(fragBytes) bytes")
print("  model parse+serialize  \(Measure.mbps(fragBytes, oursFrag)) MB/s (\(String(format: "%.2f", oursFrag / Double(fragments.count) * 1e6)) µs each)")
print("  libxml2 in context     \(Measure.mbps(fragBytes, libxmlFrag)) MB/s (\(String(format: "%.2f", libxmlFrag / Double(fragments.count) * 1e6)) µs each)")
print("  ratio libxml2 / model: \(String(format: "%.2f", oursFrag / libxmlFrag))x")
if sink == 42 { print("") }
