import Testing
@testable import HTMXSemantics

struct ValuesAttributeTests {
    // test/attributes/hx-vals.js, hx-headers.js inputs: (raw, expected canonical form)
    static let table: [(String?, String)] = [
        ("\"i1\":\"test\"", "{\"i1\":\"test\"}"),
        ("{\"i1\":\"test\"}", "{\"i1\":\"test\"}"),
        ("\"v1\":\"test\", \"v2\":42", "{\"v1\":\"test\",\"v2\":42}"),
        ("\"i1\":{\"i2\" : \"test\"}", "{\"i1\":{\"i2\":\"test\"}}"),
        ("{\"i1\": null }", "{\"i1\":null}"),
        ("  {\"b\":1, \"2\":2, \"1\":3}  ", "{\"1\":3,\"2\":2,\"b\":1}"),
        ("unset", "unset"),
        (" unset ", "unset"),
        ("", "absent"),
        (nil, "absent"),
        ("{not json}", "invalid"),
        ("js:{...foo()}", "js:{...foo()}"),
        ("javascript:i1:'test'", "js:{i1:'test'}"),
        ("javascript:v1:'test', v2:42", "js:{v1:'test', v2:42}"),
        ("js:i1:event.target.id", "js:{i1:event.target.id}"),
        ("JS:{a:1}", "invalid"),
    ]

    static func canonical(_ v: ValuesAttribute) -> String {
        switch v {
        case .absent: return "absent"
        case .unset: return "unset"
        case .invalidJSON: return "invalid"
        case .javascript(let s): return "js:" + s
        case .object(let o): return GrammarJSON.Value.object(o).jsonText
        }
    }

    @Test(arguments: table)
    func parse(raw: String?, expected: String) {
        #expect(Self.canonical(ValuesAttribute.parse(raw).value) == expected)
    }

    @Test func hxVarsAlwaysEvaluates() {
        let r = ValuesAttribute.parse("\"a\":1", evaluatesByDefault: true)
        #expect(r.value == .javascript("{\"a\":1}"))
        #expect(r.diagnostics.map(\.code) == ["js.unsupported"])
    }

    static func obj(_ text: String) -> ValuesAttribute { ValuesAttribute.parse(text).value }

    @Test func mergeNearestWinsExceptNull() {
        let chain = [Self.obj("{\"a\":\"child\",\"n\":null}"), Self.obj("{\"a\":\"parent\",\"n\":\"p\",\"z\":1}")]
        let merged = ValuesAttribute.merge(chain, mode: .returnValue).value
        #expect(merged.map { GrammarJSON.Value.object($0).jsonText } == "{\"a\":\"child\",\"n\":\"p\",\"z\":1}")
    }

    @Test func unsetUpTheChainDiffersBetweenValsAndHeaders() {
        let chain = [Self.obj("{\"a\":1}"), .unset, Self.obj("{\"b\":2}")]
        // hx-vals: the walk returns null, losing the child's own value too.
        #expect(ValuesAttribute.merge(chain, mode: .returnValue).value == nil)
        // hx-headers: filled in place, so the child's value stays.
        let headers = ValuesAttribute.merge(chain, mode: .inPlace).value
        #expect(headers.map { GrammarJSON.Value.object($0).jsonText } == "{\"a\":1}")
    }

    @Test func invalidAndAbsentAreSkipped() {
        let chain: [ValuesAttribute] = [.absent, .invalidJSON, Self.obj("{\"k\":\"v\"}")]
        #expect(ValuesAttribute.merge(chain, mode: .returnValue).value?.keys == ["k"])
    }
}

struct TriggerHeaderTests {
    // test/core/headers.js HX-Trigger cases: (header, [name|target|detail])
    static let table: [(String, [String])] = [
        ("foo", ["foo|ELT|[]"]),
        ("foo.bar", ["foo.bar|ELT|[]"]),
        ("namespace:foo", ["namespace:foo|ELT|[]"]),
        ("{\"foo\":null}", ["foo|ELT|{\"value\":null}"]),
        ("{\"foo\":[1, 2, 3]}", ["foo|ELT|{\"value\":[1,2,3]}"]),
        ("{\"foo\":{\"a\":1, \"b\":2}}", ["foo|ELT|{\"a\":1,\"b\":2}"]),
        ("{\"foo\":{\"target\":\"#testdiv\"}}", ["foo|sel:#testdiv|{\"target\":\"#testdiv\"}"]),
        ("{not: valid}", []),
        ("foo, bar", ["foo|ELT|[]", "bar|ELT|[]"]),
        ("foo,bar", ["foo|ELT|[]", "bar|ELT|[]"]),
        ("foo.bar,bar.baz", ["foo.bar|ELT|[]", "bar.baz|ELT|[]"]),
        ("namespace:foo,bar", ["namespace:foo|ELT|[]", "bar|ELT|[]"]),
        // The target sticks for later events.
        ("{\"a\":{\"target\":\"#t\"},\"b\":1}", ["a|sel:#t|{\"target\":\"#t\"}", "b|sel:#t|{\"value\":1}"]),
    ]

    @Test(arguments: table)
    func parse(header: String, expected: [String]) {
        let got = TriggerHeaderEvent.parse(header).value.map { e -> String in
            let target: String
            switch e.target {
            case .requestElement: target = "ELT"
            case .selector(let s): target = "sel:" + s
            case .invalid(let v): target = "bad:" + v.jsonText
            }
            return "\(e.name)|\(target)|\(e.detail.jsonText)"
        }
        #expect(got == expected)
    }

    @Test func errorMemberAlsoFiresHTMXError() {
        let events = TriggerHeaderEvent.parse("{\"a\":{\"error\":\"boom\"},\"b\":{\"error\":0},\"c\":\"error\"}").value
        #expect(events.map(\.alsoFiresHTMXError) == [true, false, false])
    }

    @Test func malformedJSONIsNotedAndFiresNothing() {
        let r = TriggerHeaderEvent.parse("{\"a\":1")
        #expect(r.value.isEmpty)
        #expect(r.diagnostics.map(\.code).contains("hx-trigger-header.invalid-json"))
    }
}
