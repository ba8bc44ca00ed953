/// Markup fixtures for the matching tables (see ``TestMarkup`` for the dialect). Every
/// element a table expects carries an id.
enum SelectorFixture: String, CaseIterable, Sendable {
    case attributes, tree, nth, types, empty, forms, scope, lang

    var markup: String {
        switch self {
        case .attributes: """
            <div id=root>
              <div id=at1 align=center title="hello world" data-x="a-b c" class="apple banana" data-s=ab></div>
              <div id=at2 align="" lang=en-US data-v=ABC></div>
              <div id=at3 lang=en data-v=abc type=Text></div>
              <div id=at4 hx-sse:connect=/events data-中文=yes data-e="é"></div>
              <div id="a.b" class="foo:bar x[1]"></div>
              <div id=123 class="  one\ttwo  "></div>
              <div id=at5 lang=fr-CA data-v="a b" data-empty=""></div>
              <svg id=svg1 viewBox="0 0 1 1"><foreignObject id=fo1 TYPE=x></foreignObject><rect id=rect1 type=TEXT/></svg>
            </div>
            """
        case .tree: """
            <div id=root>
              <div id=d1 class=a>
                <p id=p1 class=b></p>
                <p id=p2></p>
                <span id=s1 class=b><em id=em1 class=c></em></span>
                <p id=p3 class="b c"></p>
              </div>
              <div id=d2>
                <div id=d3 class=a><span id=s2></span></div>
                <em id=em2></em>
              </div>
            </div>
            """
        case .nth: """
            <ul id=list><li id=l1 class=x></li><li id=l2 class=x></li><li id=l3></li><li id=l4 class=x></li><li id=l5></li><li id=l6></li><li id=l7 class=x></li><li id=l8></li><li id=l9></li><li id=l10 class=x></li></ul>
            """
        case .types: """
            <p id=tp><span id=sp1></span><em id=em1></em><span id=sp2></span><strong id=st1></strong><em id=em2></em><span id=sp3></span><b id=b1></b><svg id=svg><rect id=r1/><RECT id=r2/><rect id=r3/></svg></p>
            """
        case .empty: """
            <div id=root><p id=e1></p><p id=e2><!--c--></p><p id=e3> </p><p id=e4><span id=e4s></span></p><p id=e5>x</p></div>
            """
        case .forms: """
            <form id=f>
              <input id=i1>
              <input id=i2 disabled>
              <button id=b1></button>
              <button id=b2 disabled></button>
              <select id=sel1><option id=o1 selected></option><optgroup id=og1 disabled><option id=o2></option></optgroup><optgroup id=og2><option id=o3 disabled></option><option id=o4></option></optgroup></select>
              <textarea id=t1 disabled></textarea>
              <fieldset id=fs1 disabled>
                <legend id=lg1><input id=i3></legend>
                <legend id=lg2><input id=i4></legend>
                <input id=i5>
                <div id=fsdiv><input id=i6></div>
                <fieldset id=fs2><input id=i7></fieldset>
              </fieldset>
              <fieldset id=fs3><legend id=lg3><fieldset id=fs4 disabled><legend id=lg4><input id=i8></legend><input id=i9></fieldset></legend></fieldset>
              <input id=c1 type=checkbox checked>
              <input id=c2 type=checkbox>
              <input id=c3 type=RADIO checked>
              <input id=c4 type=text checked>
              <span id=sp1 disabled></span>
              <a id=a1 href=x></a><a id=a2></a><area id=ar1 href=y><link id=ln1 href=z>
              <my-widget id=w1></my-widget>
              <svg id=svg1><button id=svgb disabled/><a id=svga href=x/></svg>
            </form>
            """
        case .scope: """
            <html id=html><body id=body><div id=outer><div id=inner><p id=p1></p></div><p id=p2></p></div></body></html>
            """
        case .lang: """
            <div id=root lang=en-US><p id=p1></p><p id=p2 lang=fr></p><p id=p3 lang=""></p><svg id=s1 xml:lang=de><rect id=r1/></svg></div>
            """
        }
    }

    func document() -> TestDocument { TestDocument(markup: markup) }
}
