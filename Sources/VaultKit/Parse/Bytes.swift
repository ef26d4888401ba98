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
        var shift: UInt64 = 0
        while i < end {
            tail |= UInt64(bytes[i]) << shift
            shift += 8
            i += 1
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
