@_exported import HTMLModel
@_exported import EventStream
@_exported import HTMXSemantics
@_exported import HTMXReplay
