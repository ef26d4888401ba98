#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Byte searches the C library does with vector instructions.
enum Bytes {
    /// The offset of the next LF at or after `from`, or nil.
    @inline(__always)
    static func newline(in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard from < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + from, 0x0A, bytes.count - from) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The offset of the first byte `a` or `c` in `from..<end`, or `end`: eight bytes
    /// at a time, for the short spans (a quoted value) where a call to `memchr` costs
    /// more than the search.
    @inline(__always)
    static func first(_ a: UInt8, _ c: UInt8, in b: UnsafeBufferPointer<UInt8>, from: Int, to end: Int) -> Int {
        var i = from
        let base = UnsafeRawPointer(b.baseAddress!)
        while i + 8 <= end {
            let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let found = has(word, a) | has(word, c)
            if found != 0 { return i + found.trailingZeroBitCount >> 3 }
            i += 8
        }
        while i < end, b[i] != a, b[i] != c { i += 1 }
        return i
    }

    /// The high bit set in each of the word's bytes that is `byte`. Bytes above a match
    /// may be flagged too (a borrow), so the lowest flag is exact and the others are not.
    @inline(__always)
    static func has(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let x = word ^ (UInt64(byte) &* ones)
        return (x &- ones) & ~x & 0x8080_8080_8080_8080
    }
}

/// Byte comparison and hashing of spans, in place.
enum SpanBytes {
    /// A hash of the span's bytes, eight at a time: a byte-at-a-time hash (FNV)
    /// was most of the binding time, one dependent multiply per byte.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span, seed: UInt64) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var h: UInt64 = seed ^ (UInt64(span.count) &* multiplier)
        var i = Int(span.start)
        let end = Int(span.end)
        let base = UnsafeRawPointer(bytes.baseAddress!)
        while i + 8 <= end {
            h = (h ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* multiplier
            h ^= h >> 29
            i += 8
        }
        var tail: UInt64 = 0
        if i < end, i + 8 <= bytes.count {
            // The last bytes in one load, masked, while the buffer has room past them.
            tail = base.loadUnaligned(fromByteOffset: i, as: UInt64.self) & (~0 >> (UInt64(8 - (end - i)) * 8))
        } else {
            var shift: UInt64 = 0
            while i < end {
                tail |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
        }
        h = (h ^ tail) &* multiplier
        return h ^ (h >> 32)
    }

    @inline(__always)
    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ span: Span, _ literal: [UInt8]) -> Bool {
        guard span.count == literal.count else { return false }
        var i = Int(span.start)
        for byte in literal {
            if bytes[i] != byte { return false }
            i += 1
        }
        return true
    }
}

/// A name from a schema (a kind, a field key, an enum case) packed for comparing
/// against spans of a file: a name of up to sixteen bytes is two words and two
/// masks, so a comparison is two loads, where a byte loop cost a branch per byte
/// for every field of every line.
struct PackedName: Sendable {
    let bytes: [UInt8]
    private let count: Int
    private let low: UInt64, high: UInt64
    private let lowMask: UInt64, highMask: UInt64

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
        count = bytes.count
        (low, high) = PackedName.words(bytes.prefix(16))
        lowMask = PackedName.mask(bytes.count)
        highMask = PackedName.mask(bytes.count - 8)
    }

    /// All-ones for the first `count` bytes of a word (none for zero or less).
    private static func mask(_ count: Int) -> UInt64 {
        count <= 0 ? 0 : count >= 8 ? ~0 : (1 << (UInt64(count) * 8)) - 1
    }

    /// Up to sixteen bytes as two little-endian words, zero-padded.
    private static func words<C: Collection<UInt8>>(_ bytes: C) -> (UInt64, UInt64) {
        var words: (UInt64, UInt64) = (0, 0)
        for (index, byte) in bytes.enumerated() {
            if index < 8 { words.0 |= UInt64(byte) << (UInt64(index) * 8) } else { words.1 |= UInt64(byte) << (UInt64(index - 8) * 8) }
        }
        return words
    }

    /// Whether the span's bytes are this name.
    @inline(__always)
    func matches(_ buffer: UnsafeBufferPointer<UInt8>, _ span: Span) -> Bool {
        guard Int(span.end) - Int(span.start) == count else { return false }
        let start = Int(span.start)
        // Two loads past the span are fine while they stay inside the buffer;
        // near its end, and for longer names, the bytes are compared one by one.
        guard count <= 16, start + 16 <= buffer.count else { return SpanBytes.equal(buffer, span, bytes) }
        let base = UnsafeRawPointer(buffer.baseAddress!) + start
        return base.loadUnaligned(as: UInt64.self) & lowMask == low
            && base.loadUnaligned(fromByteOffset: 8, as: UInt64.self) & highMask == high
    }
}
