/// Byte-level checks a line must pass before it is parsed: well-formed UTF-8,
/// no NUL or other control bytes, no byte-order mark in the middle of a file.
enum Encoding {
    struct Problem {
        var offset: Int
        var message: String
        var hint: String
    }

    /// The first problem on the line `start..<end`, or nil. ASCII takes the fast path.
    static func firstProblem(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Problem? {
        var i = start
        while i < end {
            // Eight plain ASCII bytes at a time (no byte ≥ 0x80, < 0x20 or 0x7F).
            while i + 8 <= end {
                let word = UnsafeRawPointer(b.baseAddress! + i).loadUnaligned(as: UInt64.self)
                let high: UInt64 = 0x8080_8080_8080_8080
                let low = (word &- 0x2020_2020_2020_2020) & ~word & high
                let del = ((word ^ 0x7F7F_7F7F_7F7F_7F7F) &- 0x0101_0101_0101_0101) & ~(word ^ 0x7F7F_7F7F_7F7F_7F7F) & high
                if (word & high) | low | del != 0 { break }
                i += 8
            }
            guard i < end else { break }
            let c = b[i]
            if c >= 0x20 && c < 0x7F || c == 0x09 { i += 1; continue }
            if c == 0 {
                return Problem(offset: i, message: "NUL byte in a text file",
                               hint: "this looks like a binary file; vault files are UTF-8 text")
            }
            if c < 0x20 || c == 0x7F {
                return Problem(offset: i, message: "control character 0x\(hex(c)) in a text file",
                               hint: "remove it; only tabs, spaces and printable text may appear in a line")
            }
            let length = sequenceLength(b, i, end)
            if length == 0 {
                return Problem(offset: i, message: "invalid UTF-8 byte 0x\(hex(c))",
                               hint: "save the file as UTF-8 (it may be in GBK or another encoding)")
            }
            if length == 3, c == 0xEF, b[i + 1] == 0xBB, b[i + 2] == 0xBF {
                return Problem(offset: i, message: "byte-order mark inside the file",
                               hint: "remove the invisible U+FEFF character (often left by joining files)")
            }
            i += length
        }
        return nil
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
