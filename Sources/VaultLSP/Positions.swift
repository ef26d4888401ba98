/// How the client counts `character` in a position: UTF-16 code units (the
/// protocol's default, which every client supports) or UTF-8 bytes.
public enum PositionEncoding: String, Sendable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"

    /// UTF-8 when the client offers it (`general.positionEncodings`), else UTF-16.
    public static func negotiate(offered: [String]?) -> PositionEncoding {
        offered?.contains(PositionEncoding.utf8.rawValue) == true ? .utf8 : .utf16
    }
}

/// A position as the protocol gives it: a 0-based line and a 0-based `character`
/// in the negotiated encoding.
public struct Position: Sendable, Equatable {
    public var line: Int
    public var character: Int
    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }
    public var json: JSON { ["line": .int(line), "character": .int(character)] }
}

/// The lines of a document's UTF-8 bytes, for converting between byte offsets,
/// vault's columns (1-based Unicode scalars) and protocol positions.
/// Lines end at `\n`; a `\r` before it belongs to the line end, not its text.
public struct LineIndex: Sendable {
    public let bytes: [UInt8]
    /// The byte offset where each line starts; the last line may be empty.
    public let starts: [Int]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(i + 1) }
        self.starts = starts
    }

    /// The bytes of line `line` (0-based) without its line end; an empty range past the last line.
    public func content(_ line: Int) -> Range<Int> {
        guard line >= 0, line < starts.count else { return bytes.count..<bytes.count }
        var end = line + 1 < starts.count ? starts[line + 1] - 1 : bytes.count
        if end > starts[line], bytes[end - 1] == UInt8(ascii: "\r"), line + 1 < starts.count { end -= 1 }
        return starts[line]..<end
    }

    /// The byte offset of a protocol position. A line past the end is the end of the
    /// document; a character past the line's end is its end (as the protocol says);
    /// a UTF-16 position inside a surrogate pair or a UTF-8 one inside a character
    /// is the start of that character.
    public func offset(of position: Position, _ encoding: PositionEncoding) -> Int {
        guard position.line < starts.count else { return bytes.count }
        let line = content(max(position.line, 0))
        var units = 0
        var i = line.lowerBound
        while i < line.upperBound {
            let end = scalarEnd(i, line.upperBound)
            let width = Self.width(end - i, encoding)
            if units + width > position.character { break }
            units += width
            i = end
        }
        return i
    }

    /// The protocol position of a byte offset (clamped to the document).
    public func position(ofOffset offset: Int, _ encoding: PositionEncoding) -> Position {
        let offset = min(max(offset, 0), bytes.count)
        // The last line start at or before the offset.
        var low = 0, high = starts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if starts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        let line = content(low)
        var units = 0
        var i = line.lowerBound
        while i < min(offset, line.upperBound) {
            let end = scalarEnd(i, line.upperBound)
            units += Self.width(end - i, encoding)
            i = end
        }
        return Position(line: low, character: units)
    }

    /// The byte offset of vault's place: a 1-based line and a 1-based column counted
    /// in Unicode scalars (`SourceLocation`), clamped to the line.
    public func offset(line: Int, column: Int) -> Int {
        let range = content(line - 1)
        var i = range.lowerBound
        var scalars = 1
        while i < range.upperBound, scalars < column {
            i = scalarEnd(i, range.upperBound)
            scalars += 1
        }
        return i
    }

    /// Where the scalar starting at `i` ends: after its lead byte and the continuation
    /// bytes that follow, the way vault counts columns (`UTF8Columns`), so that a file
    /// with invalid UTF-8 still converts as the linter counted.
    func scalarEnd(_ i: Int, _ limit: Int) -> Int {
        var end = i + 1
        while end < limit, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }

    /// A scalar of `length` UTF-8 bytes in the encoding's units: a four-byte one is a
    /// surrogate pair in UTF-16.
    static func width(_ length: Int, _ encoding: PositionEncoding) -> Int {
        encoding == .utf8 ? length : (length >= 4 ? 2 : 1)
    }
}
