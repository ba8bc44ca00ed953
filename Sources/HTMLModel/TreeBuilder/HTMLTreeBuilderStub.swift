// TEMPORARY stub until the real tree builder lands.
public struct HTMLTreeBuilder<Sink: HTMLTreeSink> {
    public init(sink: Sink, scripting: Bool = true) {}
    public mutating func parseDocument(_ input: [UInt8]) {}
    public mutating func parseFragment(_ input: [UInt8], contextName: String, contextNamespace: HTMLNamespace = .html) {}
}
