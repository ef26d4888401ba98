/// Byte-level checks a line must pass before it is parsed: well-formed UTF-8,
/// no NUL or other control bytes, no byte-order mark in the middle of a file.
enum Encoding {
    struct Problem {
        var offset: Int
        var message: String
        var hint: String
    }

    /// The first problem on the line `start..<end`, or nil. Runs of plain ASCII are
    /// checked eight bytes at a time, and three-byte sequences (Chinese text) have
    /// their own short path; everything else goes through `sequenceLength`.
    static func firstProblem(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Problem? {
        var i = start
        while i < end {
            if b[i] < 0x80 {
                let c = b[i]
                if c < 0x20 && c != 0x09 || c == 0x7F { return control(c, at: i) }
                i = asciiRun(b, from: i + 1, to: end)
                continue
            }
            i = threeByteRun(b, from: i, to: end)
            guard i < end else { break }
            let c = b[i]
            if c < 0x80 { continue }
            if c & 0xF0 == 0xE0, i + 2 < end {
                let c1 = b[i + 1], c2 = b[i + 2]
                // Continuation bytes, not overlong (E0 needs A0…), not a surrogate (ED needs …9F).
                if c1 & 0xC0 == 0x80, c2 & 0xC0 == 0x80, c != 0xE0 || c1 >= 0xA0, c != 0xED || c1 < 0xA0 {
                    if c == 0xEF, c1 == 0xBB, c2 == 0xBF {
                        return Problem(offset: i, message: "byte-order mark inside the file",
                                       hint: "remove the invisible U+FEFF character (often left by joining files)")
                    }
                    i += 3
                    continue
                }
            }
            let length = sequenceLength(b, i, end)
            if length == 0 {
                return Problem(offset: i, message: "invalid UTF-8 byte 0x\(hex(c))",
                               hint: "save the file as UTF-8 (it may be in GBK or another encoding)")
            }
            i += length
        }
        return nil
    }

    /// Where a run of printable ASCII starting at `from` ends: eight bytes at a time
    /// while no byte is ≥ 0x80, < 0x20 or 0x7F; the caller checks the byte it stops on.
    @inline(__always)
    private static func asciiRun(_ b: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int {
        var i = from
        let base = UnsafeRawPointer(b.baseAddress!)
        while i + 8 <= end {
            let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let high: UInt64 = 0x8080_8080_8080_8080
            let low = (word &- 0x2020_2020_2020_2020) & ~word & high
            let del = ((word ^ 0x7F7F_7F7F_7F7F_7F7F) &- 0x0101_0101_0101_0101) & ~(word ^ 0x7F7F_7F7F_7F7F_7F7F) & high
            if (word & high) | low | del != 0 { break }
            i += 8
        }
        return i
    }

    /// Where a run of three-byte sequences starting at `from` ends, two sequences
    /// (six bytes) per eight-byte load: most Chinese text, full-width punctuation
    /// included. Leads E0 and ED (which need a range check on the next byte) and a
    /// byte-order mark stop the run; the caller checks the character it stops on.
    @inline(__always)
    private static func threeByteRun(_ b: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int {
        var i = from
        let base = UnsafeRawPointer(b.baseAddress!)
        while i + 8 <= end {
            let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // Little-endian: bytes 0 and 3 are leads 1110xxxx, bytes 1, 2, 4, 5 are continuations 10xxxxxx.
            guard word & 0x0000_C0C0_F0C0_C0F0 == 0x0000_8080_E080_80E0 else { break }
            let first = word & 0xFF_FFFF, second = (word >> 24) & 0xFF_FFFF
            let lead1 = first & 0xFF, lead2 = second & 0xFF
            if lead1 == 0xE0 || lead1 == 0xED || lead2 == 0xE0 || lead2 == 0xED
                || first == 0xBF_BBEF || second == 0xBF_BBEF { break }
            i += 6
        }
        return i
    }

    private static func control(_ c: UInt8, at offset: Int) -> Problem {
        if c == 0 {
            return Problem(offset: offset, message: "NUL byte in a text file",
                           hint: "this looks like a binary file; vault files are UTF-8 text")
        }
        return Problem(offset: offset, message: "control character 0x\(hex(c)) in a text file",
                       hint: "remove it; only tabs, spaces and printable text may appear in a line")
    }

    /// The length of the well-formed UTF-8 sequence at `i`, or 0 when it is not one
    /// (overlong forms, surrogates and code points above U+10FFFF are not).
    @inline(__always)
    private static func sequenceLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let c = b[i]
        @inline(__always) func cont(_ k: Int, _ low: UInt8, _ high: UInt8) -> Bool {
            i + k < end && b[i + k] >= low && b[i + k] <= high
        }
        if c >= 0xE1 && c <= 0xEC || c == 0xEE || c == 0xEF {
            // The common case for CJK text.
            return cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) ? 3 : 0
        }
        switch c {
        case 0xC2...0xDF: return cont(1, 0x80, 0xBF) ? 2 : 0
        case 0xE0: return cont(1, 0xA0, 0xBF) && cont(2, 0x80, 0xBF) ? 3 : 0
        case 0xED: return cont(1, 0x80, 0x9F) && cont(2, 0x80, 0xBF) ? 3 : 0
        case 0xF0: return cont(1, 0x90, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0
        case 0xF1...0xF3: return cont(1, 0x80, 0xBF) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0
        case 0xF4: return cont(1, 0x80, 0x8F) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0
        default: return 0
        }
    }

    private static func hex(_ c: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(c >> 4)], digits[Int(c & 0xF)]])
    }
}
