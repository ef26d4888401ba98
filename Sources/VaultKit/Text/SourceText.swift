/// The bytes of one file, with the path it was read from.
///
/// The parser works on these bytes directly; strings are decoded only for the
/// values a caller asks for and for the text of a diagnostic.
public final class SourceText: Sendable {
    /// Path relative to the project root, with `/` separators.
    public let path: String
    /// The file's bytes: in the load's `Arena` for files read from disk.
    public let bytes: Slab<UInt8>

    public init(path: String, bytes: Slab<UInt8>) {
        self.path = path
        self.bytes = bytes
    }

    public convenience init(path: String, bytes: [UInt8]) {
        self.init(path: path, bytes: Slab(copying: bytes))
    }

    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The decoded text of a byte range (invalid UTF-8 becomes U+FFFD).
    public func string(_ span: Span) -> String {
        bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[Int(span.start)..<Int(span.end)]), as: UTF8.self)
        }
    }

    /// Whether the bytes of `span` equal `literal`'s UTF-8.
    public func bytes(_ span: Span, equal literal: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { SpanBytes.equal($0, span, literal) }
    }

    /// The location of byte `offset` on the line that starts at byte `lineStart`.
    public func location(line: Int, lineStart: Int, offset: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: UTF8Columns.column(bytes, from: lineStart, to: offset))
    }

    /// The text of the line that starts at `lineStart`, without its line end,
    /// cut to a readable length for a diagnostic excerpt.
    public func lineText(startingAt lineStart: Int) -> String {
        var end = lineStart
        let limit = min(bytes.count, lineStart + UTF8Columns.excerptLimit)
        while end < limit, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        var text = string(Span(start: lineStart, end: end))
        if end == limit, end < bytes.count, bytes[end] != 0x0A { text += "…" }
        return text
    }
}

/// A half-open range of byte offsets in a `SourceText`.
public struct Span: Hashable, Sendable {
    public var start: Int32
    public var end: Int32

    public init(start: Int, end: Int) {
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
    }

    public var count: Int { Int(end - start) }
    public var isEmpty: Bool { start == end }
}
