/// Element-name sets from the tree-construction rules
/// (https://html.spec.whatwg.org/multipage/parsing.html#tree-construction). Unless a comment
/// says otherwise, each set is of HTML-namespace elements; callers check the namespace.
enum ElementCategories {
    /// https://html.spec.whatwg.org/multipage/parsing.html#special (HTML part).
    static let specialHTML = ElementTagSet(
        .address, .applet, .area, .article, .aside, .base, .basefont, .bgsound, .blockquote,
        .body, .br, .button, .caption, .center, .col, .colgroup, .dd, .details, .dir, .div,
        .dl, .dt, .embed, .fieldset, .figcaption, .figure, .footer, .form, .frame, .frameset,
        .h1, .h2, .h3, .h4, .h5, .h6, .head, .header, .hgroup, .hr, .html, .iframe, .img,
        .input, .keygen, .li, .link, .listing, .main, .marquee, .menu, .meta, .nav, .noembed,
        .noframes, .noscript, .object, .ol, .p, .param, .plaintext, .pre, .script, .search,
        .section, .select, .source, .style, .summary, .table, .tbody, .td, .template,
        .textarea, .tfoot, .th, .thead, .title, .tr, .track, .ul, .wbr, .xmp)
    /// The MathML elements that are special, bound default scope, and (except annotation-xml)
    /// are MathML text integration points.
    static let specialMathML = ElementTagSet(.mi, .mo, .mn, .ms, .mtext, .annotationXML)
    static let mathMLTextIntegrationPoints = ElementTagSet(.mi, .mo, .mn, .ms, .mtext)
    /// SVG elements that are special, bound default scope, and are HTML integration points.
    static let specialSVG = ElementTagSet(.foreignobject, .desc, .title)

    /// https://html.spec.whatwg.org/multipage/parsing.html#formatting
    static let formatting = ElementTagSet(
        .a, .b, .big, .code, .em, .font, .i, .nobr, .s, .small, .strike, .strong, .tt, .u)

    /// https://html.spec.whatwg.org/multipage/parsing.html#generate-implied-end-tags
    static let impliedEndTags = ElementTagSet(
        .dd, .dt, .li, .optgroup, .option, .p, .rb, .rp, .rt, .rtc)
    /// https://html.spec.whatwg.org/multipage/parsing.html#generate-all-implied-end-tags-thoroughly
    static let impliedEndTagsThorough = impliedEndTags.union(ElementTagSet(
        .caption, .colgroup, .tbody, .td, .tfoot, .th, .thead, .tr))

    /// https://html.spec.whatwg.org/multipage/parsing.html#has-an-element-in-scope (HTML part).
    /// `select` bounds scopes since the customizable-select parser change (whatwg/html#10557;
    /// html5lib-tests webkit02 `<font><select><option>a</option></font></select>`).
    static let defaultScopeHTML = ElementTagSet(
        .applet, .caption, .html, .table, .td, .th, .marquee, .object, .select, .template)
    /// https://html.spec.whatwg.org/multipage/parsing.html#has-an-element-in-table-scope
    static let tableScope = ElementTagSet(.html, .table, .template)

    static let headings = ElementTagSet(.h1, .h2, .h3, .h4, .h5, .h6)

    /// In body: start tags that close an open `p` and insert a plain element.
    static let blockStartTags = ElementTagSet(
        .address, .article, .aside, .blockquote, .center, .details, .dialog, .dir, .div, .dl,
        .fieldset, .figcaption, .figure, .footer, .header, .hgroup, .main, .menu, .nav, .ol,
        .p, .search, .section, .summary, .ul)
    /// In body: end tags closed with "generate implied end tags, pop until popped".
    static let blockEndTags = ElementTagSet(
        .address, .article, .aside, .blockquote, .button, .center, .details, .dialog, .dir,
        .div, .dl, .fieldset, .figcaption, .figure, .footer, .header, .hgroup, .listing,
        .main, .menu, .nav, .ol, .pre, .search, .section, .summary, .ul)

    /// In body, end-of-file and `</body>`: elements that may stay open without a parse error.
    static let mayStayOpenAtEnd = ElementTagSet(
        .dd, .dt, .li, .optgroup, .option, .p, .rb, .rp, .rt, .rtc, .tbody, .td, .tfoot,
        .th, .thead, .tr, .body, .html)

    /// Start tags that "process using the rules for in head" from in body and in template.
    static let headContentStartTags = ElementTagSet(
        .base, .basefont, .bgsound, .link, .meta, .noframes, .script, .style, .template, .title)

    /// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inforeign: start tags
    /// that break out of foreign content (plus `font` with color, face or size).
    static let foreignBreakout = ElementTagSet(
        .b, .big, .blockquote, .body, .br, .center, .code, .dd, .div, .dl, .dt, .em, .embed,
        .h1, .h2, .h3, .h4, .h5, .h6, .head, .hr, .i, .img, .li, .listing, .menu, .meta,
        .nobr, .ol, .p, .pre, .ruby, .s, .small, .span, .strong, .strike, .sub, .sup, .table,
        .tt, .u, .ul, .var)

    static let tableSections = ElementTagSet(.tbody, .tfoot, .thead)
    static let cells = ElementTagSet(.td, .th)
    /// Current nodes for which character tokens in table switch to "in table text".
    static let tableTextTargets = ElementTagSet(.table, .tbody, .template, .tfoot, .thead, .tr)
    /// https://html.spec.whatwg.org/multipage/parsing.html#foster-parent targets.
    static let fosterTargets = ElementTagSet(.table, .tbody, .tfoot, .thead, .tr)

    /// https://html.spec.whatwg.org/multipage/parsing.html#clear-the-stack-back-to-a-table-context
    static let tableContext = ElementTagSet(.table, .template, .html)
    static let tableBodyContext = ElementTagSet(.tbody, .tfoot, .thead, .template, .html)
    static let tableRowContext = ElementTagSet(.tr, .template, .html)

    /// In caption: start tags (and `</table>`) that close the caption and are reprocessed.
    static let captionClosingStartTags = ElementTagSet(
        .caption, .col, .colgroup, .tbody, .td, .tfoot, .th, .thead, .tr)
    static let captionIgnoredEndTags = ElementTagSet(
        .body, .col, .colgroup, .html, .tbody, .td, .tfoot, .th, .thead, .tr)
    static let tableIgnoredEndTags = ElementTagSet(
        .body, .caption, .col, .colgroup, .html, .tbody, .td, .tfoot, .th, .thead, .tr)
    static let tableBodyClosingStartTags = ElementTagSet(
        .caption, .col, .colgroup, .tbody, .tfoot, .thead)
    static let tableBodyIgnoredEndTags = ElementTagSet(
        .body, .caption, .col, .colgroup, .html, .td, .th, .tr)
    static let rowClosingStartTags = ElementTagSet(
        .caption, .col, .colgroup, .tbody, .tfoot, .thead, .tr)
    static let rowIgnoredEndTags = ElementTagSet(
        .body, .caption, .col, .colgroup, .html, .td, .th)
    static let cellIgnoredEndTags = ElementTagSet(.body, .caption, .col, .colgroup, .html)
    static let cellClosingEndTags = ElementTagSet(.table, .tbody, .tfoot, .thead, .tr)
    /// In body: start tags that only make sense inside tables and are ignored elsewhere.
    static let tablePartStartTags = ElementTagSet(
        .caption, .col, .colgroup, .frame, .head, .tbody, .td, .tfoot, .th, .thead, .tr)
}
