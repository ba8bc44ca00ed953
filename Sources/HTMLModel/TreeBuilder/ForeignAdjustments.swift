/// Name fix-ups for SVG and MathML content. The tokenizer lower-cases every name; these
/// tables restore the mixed case SVG and MathML use.
enum ForeignAdjustments {
    /// https://html.spec.whatwg.org/multipage/parsing.html#parsing-main-inforeign
    /// ("any other start tag", the SVG tag-name table).
    static let svgTagNames: [String: String] = [
        "altglyph": "altGlyph",
        "altglyphdef": "altGlyphDef",
        "altglyphitem": "altGlyphItem",
        "animatecolor": "animateColor",
        "animatemotion": "animateMotion",
        "animatetransform": "animateTransform",
        "clippath": "clipPath",
        "feblend": "feBlend",
        "fecolormatrix": "feColorMatrix",
        "fecomponenttransfer": "feComponentTransfer",
        "fecomposite": "feComposite",
        "feconvolvematrix": "feConvolveMatrix",
        "fediffuselighting": "feDiffuseLighting",
        "fedisplacementmap": "feDisplacementMap",
        "fedistantlight": "feDistantLight",
        "fedropshadow": "feDropShadow",
        "feflood": "feFlood",
        "fefunca": "feFuncA",
        "fefuncb": "feFuncB",
        "fefuncg": "feFuncG",
        "fefuncr": "feFuncR",
        "fegaussianblur": "feGaussianBlur",
        "feimage": "feImage",
        "femerge": "feMerge",
        "femergenode": "feMergeNode",
        "femorphology": "feMorphology",
        "feoffset": "feOffset",
        "fepointlight": "fePointLight",
        "fespecularlighting": "feSpecularLighting",
        "fespotlight": "feSpotLight",
        "fetile": "feTile",
        "feturbulence": "feTurbulence",
        "foreignobject": "foreignObject",
        "glyphref": "glyphRef",
        "lineargradient": "linearGradient",
        "radialgradient": "radialGradient",
        "textpath": "textPath",
    ]

    /// https://html.spec.whatwg.org/multipage/parsing.html#adjust-svg-attributes
    static let svgAttributeNames: [String: String] = [
        "attributename": "attributeName",
        "attributetype": "attributeType",
        "basefrequency": "baseFrequency",
        "baseprofile": "baseProfile",
        "calcmode": "calcMode",
        "clippathunits": "clipPathUnits",
        "diffuseconstant": "diffuseConstant",
        "edgemode": "edgeMode",
        "filterunits": "filterUnits",
        "glyphref": "glyphRef",
        "gradienttransform": "gradientTransform",
        "gradientunits": "gradientUnits",
        "kernelmatrix": "kernelMatrix",
        "kernelunitlength": "kernelUnitLength",
        "keypoints": "keyPoints",
        "keysplines": "keySplines",
        "keytimes": "keyTimes",
        "lengthadjust": "lengthAdjust",
        "limitingconeangle": "limitingConeAngle",
        "markerheight": "markerHeight",
        "markerunits": "markerUnits",
        "markerwidth": "markerWidth",
        "maskcontentunits": "maskContentUnits",
        "maskunits": "maskUnits",
        "numoctaves": "numOctaves",
        "pathlength": "pathLength",
        "patterncontentunits": "patternContentUnits",
        "patterntransform": "patternTransform",
        "patternunits": "patternUnits",
        "pointsatx": "pointsAtX",
        "pointsaty": "pointsAtY",
        "pointsatz": "pointsAtZ",
        "preservealpha": "preserveAlpha",
        "preserveaspectratio": "preserveAspectRatio",
        "primitiveunits": "primitiveUnits",
        "refx": "refX",
        "refy": "refY",
        "repeatcount": "repeatCount",
        "repeatdur": "repeatDur",
        "requiredextensions": "requiredExtensions",
        "requiredfeatures": "requiredFeatures",
        "specularconstant": "specularConstant",
        "specularexponent": "specularExponent",
        "spreadmethod": "spreadMethod",
        "startoffset": "startOffset",
        "stddeviation": "stdDeviation",
        "stitchtiles": "stitchTiles",
        "surfacescale": "surfaceScale",
        "systemlanguage": "systemLanguage",
        "tablevalues": "tableValues",
        "targetx": "targetX",
        "targety": "targetY",
        "textlength": "textLength",
        "viewbox": "viewBox",
        "viewtarget": "viewTarget",
        "xchannelselector": "xChannelSelector",
        "ychannelselector": "yChannelSelector",
        "zoomandpan": "zoomAndPan",
    ]

    /// https://html.spec.whatwg.org/multipage/parsing.html#adjust-foreign-attributes —
    /// the attributes that get a namespace (xlink, xml, xmlns). Their qualified names stay as
    /// written ("xlink:href"), which is all ``HTMLAttribute`` carries; a sink that needs the
    /// namespace (the libxml2 sink, same module) can look the name up here.
    static let namespacedForeignAttributes: [String: (prefix: String?, localName: String, namespace: String)] = [
        "xlink:actuate": ("xlink", "actuate", xlinkNamespace),
        "xlink:arcrole": ("xlink", "arcrole", xlinkNamespace),
        "xlink:href": ("xlink", "href", xlinkNamespace),
        "xlink:role": ("xlink", "role", xlinkNamespace),
        "xlink:show": ("xlink", "show", xlinkNamespace),
        "xlink:title": ("xlink", "title", xlinkNamespace),
        "xlink:type": ("xlink", "type", xlinkNamespace),
        "xml:lang": ("xml", "lang", xmlNamespace),
        "xml:space": ("xml", "space", xmlNamespace),
        "xmlns": (nil, "xmlns", xmlnsNamespace),
        "xmlns:xlink": ("xmlns", "xlink", xmlnsNamespace),
    ]

    static let xlinkNamespace = "http://www.w3.org/1999/xlink"
    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"
    static let xmlnsNamespace = "http://www.w3.org/2000/xmlns/"

    static func adjustSVGAttributes(_ attributes: inout [HTMLAttribute]) {
        for index in attributes.indices {
            if let adjusted = svgAttributeNames[attributes[index].name] {
                attributes[index].name = adjusted
            }
        }
    }

    /// https://html.spec.whatwg.org/multipage/parsing.html#adjust-mathml-attributes
    static func adjustMathMLAttributes(_ attributes: inout [HTMLAttribute]) {
        for index in attributes.indices where attributes[index].name == "definitionurl" {
            attributes[index].name = "definitionURL"
        }
    }
}
