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

    /// The offset of the first byte at or after `from` that is `a` or `b`, or `end`.
    /// Eight bytes at a time: quoted values (titles) are most of a record file.
    @inline(__always)
    static func skip(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to end: Int, untilEither a: UInt8, _ b: UInt8) -> Int {
        var i = from
        let base = UnsafeRawPointer(bytes.baseAddress!)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high: UInt64 = 0x8080_8080_8080_8080
        while i + 8 <= end {
            let word = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let x = word ^ (UInt64(a) &* ones)
            let y = word ^ (UInt64(b) &* ones)
            // A zero byte in x or y is a match (the classic "has zero byte" test).
            if ((x &- ones) & ~x | (y &- ones) & ~y) & high != 0 { break }
            i += 8
        }
        while i < end, bytes[i] != a, bytes[i] != b { i += 1 }
        return i
    }
}
