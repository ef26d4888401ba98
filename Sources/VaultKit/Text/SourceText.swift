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
        SourceLocation(path: path, line: line, column: bytes.withUnsafeBufferPointer { UTF8Columns.column($0, from: lineStart, to: offset) })
    }

    /// The text of the line that starts at `lineStart`, without its line end,
    /// cut to a readable length for a diagnostic excerpt.
    public func lineText(startingAt lineStart: Int) -> String {
        lineWindow(startingAt: lineStart, around: lineStart).text
    }

    /// At most `UTF8Columns.excerptLimit` bytes of the line that starts at `lineStart`,
    /// taken around byte `offset` so a finding far along a long line still shows its
    /// place; `…` marks each end that was cut. `column` is the column of the window's
    /// first character (an opening `…` stands for the character before the window).
    /// Reads at most the window's bytes: a finding on a 10 MB line costs no more.
    public func lineWindow(startingAt lineStart: Int, around offset: Int) -> (text: String, column: Int) {
        bytes.withUnsafeBufferPointer { b in
            let limit = UTF8Columns.excerptLimit
            let lineStart = max(0, min(lineStart, b.count))
            let offset = max(lineStart, min(offset, b.count))
            // Start at the line start when the offset is near it, else a quarter of the window before it.
            var start = offset - lineStart <= limit * 3 / 4 ? lineStart : offset - limit / 4
            while start > lineStart, b[start] & 0xC0 == 0x80 { start -= 1 }
            let cap = min(b.count, start + limit)
            var end = start
            while end < cap, b[end] != 0x0A, b[end] != 0x0D { end += 1 }
            let cut = end == cap && end < b.count && b[end] != 0x0A && b[end] != 0x0D
            if cut { while end > start, b[end] & 0xC0 == 0x80 { end -= 1 } }
            var text = String(decoding: UnsafeBufferPointer(rebasing: b[start..<end]), as: UTF8.self)
            if cut { text += "…" }
            guard start > lineStart else { return (text, 1) }
            return ("…" + text, UTF8Columns.column(b, from: lineStart, to: start) - 1)
        }
    }

    /// The text of `span` for a message, cut to `limit` bytes (at a character boundary)
    /// with `…` when longer: a message names the offending text, never a megabyte of it.
    public func excerpt(_ span: Span, limit: Int = 60) -> String {
        guard span.count > limit else { return string(span) }
        return bytes.withUnsafeBufferPointer { b in
            var end = Int(span.start) + limit
            while end > Int(span.start), b[end] & 0xC0 == 0x80 { end -= 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: b[Int(span.start)..<end]), as: UTF8.self) + "…"
        }
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
