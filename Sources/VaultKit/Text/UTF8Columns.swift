/// Column and display-width arithmetic over UTF-8 bytes, kept in one place.
///
/// Columns count Unicode scalar values (1-based), so a CJK character is one
/// column whatever its UTF-8 length; terminal alignment of carets uses display
/// cells, where an East Asian wide character takes two.
public enum UTF8Columns {
    /// How many bytes of a line a diagnostic excerpt shows.
    static let excerptLimit = 400

    /// The 1-based character column of byte `offset` on a line starting at `lineStart`.
    public static func column<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, from lineStart: Int, to offset: Int) -> Int
        where Bytes.Index == Int {
        var column = 1
        var i = lineStart
        while i < offset && i < bytes.count {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return column
    }

    /// The same, eight bytes at a time: a finding far along a long line counts up to a
    /// megabyte of bytes before it.
    public static func column(_ bytes: UnsafeBufferPointer<UInt8>, from lineStart: Int, to offset: Int) -> Int {
        let stop = min(offset, bytes.count)
        guard lineStart < stop, let base = bytes.baseAddress else { return 1 }
        var continuations = 0
        var i = lineStart
        let raw = UnsafeRawPointer(base)
        while i + 8 <= stop {
            let word = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // A continuation byte is 10xxxxxx: its top bit set and the next one clear.
            continuations += (word & ~(word << 1) & 0x8080_8080_8080_8080).nonzeroBitCount
            i += 8
        }
        while i < stop {
            if base[i] & 0xC0 == 0x80 { continuations += 1 }
            i += 1
        }
        return 1 + (stop - lineStart) - continuations
    }

    /// Terminal cells taken by the first `characters` characters of `text`.
    public static func displayWidth(of text: String, characters: Int) -> Int {
        var width = 0
        for scalar in text.unicodeScalars.prefix(characters) {
            width += scalar == "\t" ? 1 : cells(scalar.value)
        }
        return width
    }

    /// Two cells for East Asian wide and fullwidth characters, one otherwise.
    static func cells(_ value: UInt32) -> Int {
        switch value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
