import HTMLModel
import Testing

/// Processing instructions as Chromium 156 parses them (the corpus case
/// `parse-processing-instruction` pins the same rules end to end).
@Suite("Tokenizer: processing instructions")
struct TokenizerProcessingInstructionTests {
    static func tokens(_ input: String) -> [HTMLToken] {
        var t = HTMLTokenizer(input: Array(input.utf8))
        var out: [HTMLToken] = []
        while true {
            let token = t.nextToken()
            if token == .endOfFile { return out }
            out.append(token)
        }
    }

    @Test(arguments: [
        ("<?php echo 1 ?>", [HTMLToken.processingInstruction(target: "php", data: "echo 1 ")]),
        ("<?foo x>", [.processingInstruction(target: "foo", data: "x")]),
        ("<?a?>", [.processingInstruction(target: "a", data: "")]),
        ("<?A\nd?>", [.processingInstruction(target: "A", data: "d")]),
        ("<?foo-bar_1 x?>", [.processingInstruction(target: "foo-bar_1", data: "x")]),
        ("<?t data > more", [.processingInstruction(target: "t", data: "data "), .characters(" more")]),
        ("<?t ???>", [.processingInstruction(target: "t", data: "??")]),
        ("<?t?d?>", [.processingInstruction(target: "t", data: "?d")]),
        ("<?_x>", [.processingInstruction(target: "_x", data: "")]),
    ])
    func parsesAsProcessingInstruction(_ input: String, _ expected: [HTMLToken]) {
        #expect(Self.tokens(input) == expected)
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\"?>", "?xml version=\"1.0\"?"),
        ("<?XML-Stylesheet href=a?>", "?XML-Stylesheet href=a?"),
        ("<?a:b c?>", "?a:b c?"),
        ("<?>", "?"),
        ("<?1x>", "?1x"),
        ("<? x>", "? x"),
    ])
    func fallsBackToBogusComment(_ input: String, _ comment: String) {
        #expect(Self.tokens(input) == [.comment(comment)])
    }

    @Test func endOfInputInsideAnInstruction() {
        #expect(Self.tokens("<?t abc") == [.processingInstruction(target: "t", data: "abc")])
        #expect(Self.tokens("<?").isEmpty)
        #expect(Self.tokens("<?abc") == [.comment("?abc")])
    }

    @Test func nullInDataBecomesReplacementCharacter() {
        #expect(Self.tokens("<?t a\u{0}b>") == [.processingInstruction(target: "t", data: "a\u{FFFD}b")])
    }
}
