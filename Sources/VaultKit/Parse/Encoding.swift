/// Byte-level checks text must pass: well-formed UTF-8, no NUL or other control
/// bytes, no byte-order mark in the middle of a file. The line parser asks
/// `isClean` about the whole file first; only a file with a problem is checked
/// value by value (`scan`, while it looks for a value's end), so its findings name
/// the exact place, and `firstProblem` checks a whole line before a syntax finding.
enum Encoding {
    struct Problem {
        var offset: Int
        var message: Message
        var hint: Message
    }

    /// The first problem on the line `start..<end`, or nil.
    static func firstProblem(_ b: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Problem? {
        // A line holds no LF, so stopping at one only finds a stray LF, itself a control byte.
        let (stop, problem) = scan(b, from: start, to: end, until: 0x0A, 0x0A)
        return problem ?? (stop < end ? control(0x0A, at: stop) : nil)
    }

    /// Whether the whole file passes every check (a byte-order mark at its start
    /// aside, which is a convention finding of its own). The common case: checked in
    /// one tight pass, so the parser can skip the checks value by value.
    static func isClean(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = b.count >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0
        while i < b.count {
            let stop = stop(b, from: i, to: b.count, until: 0x0A, 0x0D)
            guard stop < b.count else { return true }
            switch b[stop] {
            case 0x0A: break
            // A CR ends a line only before an LF (or as the file's last byte).
            case 0x0D: if stop + 1 < b.count, b[stop + 1] != 0x0A { return false }
            default: return false
            }
            i = stop + 1
        }
        return true
    }

    /// Reads from `from` to the first byte `a` or `c` (or `end`), checking every byte
    /// passed over: the offset it stopped at, or the first problem met.
    static func scan(_ b: UnsafeBufferPointer<UInt8>, from: Int, to end: Int,
                     until a: UInt8, _ c: UInt8) -> (stop: Int, problem: Problem?) {
        let i = stop(b, from: from, to: end, until: a, c)
        guard i < end, b[i] != a, b[i] != c else { return (i, nil) }
        return (i, b[i] < 0x80 ? control(b[i], at: i) : character(b, at: i, end: end).1)
    }

    /// Where a scan from `from` stops: at the first byte `a` or `c`, at the first
    /// problem, or at `end`. Runs of printable ASCII go eight bytes at a time, and
    /// three-byte sequences (Chinese text) six at a time; everything else one
    /// character at a time.
    @inline(__always)
    private static func stop(_ b: UnsafeBufferPointer<UInt8>, from: Int, to end: Int,
                             until a: UInt8, _ c: UInt8) -> Int {
        var i = from
        while i < end {
            i = printableRun(b, from: i, to: end, excluding: a, c)
            guard i < end else { break }
            let byte = b[i]
            if byte == a || byte == c { return i }
            if byte < 0x80 {
                if byte < 0x20 && byte != 0x09 || byte == 0x7F { return i }
                i += 1
                continue
            }
            i = threeByteRun(b, from: i, to: end)
            guard i < end, b[i] >= 0x80 else { continue }
            let (length, problem) = character(b, at: i, end: end)
            if problem != nil { return i }
            i += length
        }
        return end
    }

    /// The length of the non-ASCII character at `i`, or the problem it is.
    @inline(__always)
    private static func character(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> (Int, Problem?) {
        let c = b[i]
        if c == 0xEF, i + 2 < end, b[i + 1] == 0xBB, b[i + 2] == 0xBF {
            return (3, Problem(offset: i, message: EncodingRule.bomInside(), hint: EncodingRule.bomInsideHint()))
        }
        let length = sequenceLength(b, i, end)
        if length == 0 {
            return (1, Problem(offset: i, message: EncodingRule.invalidByte(["byte": .text(hex(c))]),
                               hint: EncodingRule.invalidByteHint()))
        }
        return (length, nil)
    }

    /// Where a run of printable ASCII other than `a` and `c` starting at `from` ends,
    /// eight bytes at a time; the caller looks at the byte it stops on (within the
    /// last seven bytes, it may stop short of it).
    @inline(__always)
    private static func printableRun(_ b: UnsafeBufferPointer<UInt8>, from: Int, to end: Int,
                                     excluding a: UInt8, _ c: UInt8) -> Int {
        var i = from
        let base = UnsafeRawPointer(b.baseAddress!)
        let high: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= end {
            let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            // High bit set, below 0x20, DEL, or a stop byte: the word needs a closer look.
            let low = (word &- 0x2020_2020_2020_2020) & ~word
            let stops = (word | low) & high | Bytes.has(word, 0x7F) | Bytes.has(word, a) | Bytes.has(word, c)
            // The lowest flagged byte is exact (false flags only sit above a true one):
            // stopping on it, not on the word, saves a trip round the caller per byte.
            if stops != 0 { return i + stops.trailingZeroBitCount >> 3 }
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
        // A run of odd length ends with one more such character: checked here, it does
        // not cost a trip through the caller's one-character path.
        if i + 8 <= end {
            let first = base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0xFF_FFFF
            let lead = first & 0xFF
            if first & 0xC0_C0F0 == 0x80_80E0, lead != 0xE0, lead != 0xED, first != 0xBF_BBEF { i += 3 }
        }
        return i
    }

    private static func control(_ c: UInt8, at offset: Int) -> Problem {
        if c == 0 {
            return Problem(offset: offset, message: EncodingRule.nul(), hint: EncodingRule.nulHint())
        }
        return Problem(offset: offset, message: EncodingRule.control(["byte": .text(hex(c))]),
                       hint: EncodingRule.controlHint())
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
