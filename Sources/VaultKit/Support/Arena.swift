import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory for the model of one load: the bytes of every file, and the records and
/// value slots bound from them, carved one after another out of large blocks.
///
/// Why: at 10,000 alliances the model is three arrays per file, 330,000 in all;
/// each was a `malloc`, a `free` at the end, and slack between them. Carved from
/// 32 MiB blocks, the model is 5 % smaller, the whole of it goes back to the system
/// in a few `munmap`s, and lint at 10,000 alliances took 7 % less wall time
/// (docs/performance.md). Huge pages (`MADV_HUGEPAGE` on the blocks) were tried and
/// were slower here: this VM's host takes back free 2 MiB blocks, and each came back
/// to the process as a fresh page the host had to fault in again.
///
/// Allocation only: nothing is freed before the arena, which lives as long as the
/// last `Slab` carved from it. Safe to allocate from several threads.
public final class Arena: @unchecked Sendable {
    static let blockSize = 32 << 20

    private let lock = NSLock()
    /// Every mapping, as mapped (start and length), for `munmap`.
    private var mappings: [(start: UnsafeMutableRawPointer, length: Int)] = []
    /// The free part of the current block.
    private var next: UnsafeMutableRawPointer?
    private var end: UnsafeMutableRawPointer?

    public init() {}

    deinit {
        for mapping in mappings { munmap(mapping.start, mapping.length) }
    }

    /// `byteCount` bytes aligned to `alignment` (a power of two), uninitialised.
    func allocate(byteCount: Int, alignment: Int) -> UnsafeMutableRawPointer {
        lock.lock()
        defer { lock.unlock() }
        if let next, let end {
            let aligned = next.alignedUp(toMultipleOf: alignment)
            if byteCount <= end - aligned {
                self.next = aligned + byteCount
                return aligned
            }
        }
        // Too large to share a block: a mapping of its own, and the current block stays current.
        if byteCount > Arena.blockSize / 4 { return map(byteCount) }
        let block = map(Arena.blockSize)
        next = block + byteCount
        end = block + Arena.blockSize
        return block
    }

    private func map(_ length: Int) -> UnsafeMutableRawPointer {
        guard let start = mmap(nil, length, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              start != MAP_FAILED else { OutOfMemory.exit(length) }
        mappings.append((start, length))
        return start
    }
}

/// A fixed array of plain values (a file's bytes, its records, its value slots)
/// whose memory an `Arena`, or a block of its own, holds for as long as the slab lives.
/// The model's large arrays are slabs so that they can live in an arena (see there).
public struct Slab<Element: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    /// What keeps `base` alive: the arena, or the slab's own block.
    private let owner: AnyObject
    private let base: UnsafePointer<Element>
    public let count: Int

    /// A slab of up to `capacity` elements: `fill` initialises a prefix of the buffer
    /// and returns its length. From `arena`, or a block of its own when it is nil.
    init(capacity: Int, in arena: Arena?, fill: (UnsafeMutableBufferPointer<Element>) throws -> Int) rethrows {
        let capacity = Swift.max(capacity, 1)
        let (byteCount, overflow) = capacity.multipliedReportingOverflow(by: MemoryLayout<Element>.stride)
        if overflow { OutOfMemory.exit(Int.max) }
        let raw: UnsafeMutableRawPointer
        if let arena {
            raw = arena.allocate(byteCount: byteCount, alignment: MemoryLayout<Element>.alignment)
            owner = arena
        } else {
            let block = Block(byteCount: byteCount)
            raw = block.start
            owner = block
        }
        let buffer = raw.bindMemory(to: Element.self, capacity: capacity)
        let filled = try fill(UnsafeMutableBufferPointer(start: buffer, count: capacity))
        precondition(filled >= 0 && filled <= capacity, "a slab filled beyond its capacity")
        base = UnsafePointer(buffer)
        count = filled
    }

    init(copying elements: some Collection<Element>, in arena: Arena? = nil) {
        self.init(capacity: elements.count, in: arena) { buffer in
            buffer.initialize(from: elements).1
        }
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    public subscript(position: Int) -> Element {
        precondition(position >= 0 && position < count, "index out of range")
        return base[position]
    }

    public func withUnsafeBufferPointer<R, E>(_ body: (UnsafeBufferPointer<Element>) throws(E) -> R) throws(E) -> R {
        defer { withExtendedLifetime(owner) {} }
        return try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Memory from `malloc`, for a slab made outside a load (a test, a schema built alone).
    private final class Block {
        let start: UnsafeMutableRawPointer
        init(byteCount: Int) {
            guard let start = malloc(byteCount) else { OutOfMemory.exit(byteCount) }
            self.start = start
        }
        deinit { free(start) }
    }
}

extension Slab: Equatable where Element == UInt8 {
    public static func == (lhs: Slab, rhs: Slab) -> Bool {
        lhs.count == rhs.count && lhs.withUnsafeBufferPointer { a in
            rhs.withUnsafeBufferPointer { b in memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
    }
}

extension Arena {
    /// Whether `byteCount` more bytes of address space can be had now: a mapping made
    /// and dropped at once (nothing is touched, so it costs two system calls). Under a
    /// memory limit (`ulimit -v`) a large file's parse, or a worker thread's stack,
    /// would otherwise fail inside an allocation that cannot report it.
    static func hasRoom(for byteCount: Int) -> Bool {
        guard let start = mmap(nil, byteCount, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0),
              start != MAP_FAILED else { return false }
        munmap(start, byteCount)
        return true
    }

    /// Stops (exit status 2) unless there is room to parse a file of `size` bytes:
    /// its bytes, and the lines and fields the parser reserves for it, up to about
    /// four times its size for a file of short lines. Asked only for files over 1 MiB.
    static func ensureRoom(toParse size: Int, path: String) {
        guard size > 1 << 20 else { return }
        let needed = 4 * size
        if !hasRoom(for: needed) { OutOfMemory.exit(needed, reading: path, of: size) }
    }
}

/// Memory the system refuses (a `ulimit -v`, a full machine): the model of a load
/// cannot be built, so vault stops with exit status 2 and says so, instead of
/// trapping. The message goes out with `write(2)` at once (a few bytes of
/// allocation, which a refused large mapping leaves room for).
public enum OutOfMemory {
    /// The language of the message: the executable sets it once it has chosen
    /// (`Terminal.language`), before any load.
    nonisolated(unsafe) public static var language: Language = .en

    static func exit(_ byteCount: Int, reading path: String? = nil, of size: Int = 0) -> Never {
        let reason = MessageArgument.text(String(cString: strerror(errno)))
        let words = if let path {
            reading(["path": .text(path), "size": .text("\(size)"), "needed": .text("\(byteCount)"), "reason": reason])
        } else if byteCount == Int.max {
            uncountable(["reason": reason])
        } else {
            refused(["needed": .text("\(byteCount)"), "reason": reason])
        }
        var message = "vault: \(words.text(language))\n  = hint: \(hint().text(language))\n"
        message.withUTF8 { _ = Glibc.write(2, $0.baseAddress, $0.count) }
        _exit(2)
    }

    static let reading = MessageTemplate(
        "load.out-of-memory-reading",
        en: "out of memory: reading \"{path}\" ({size} bytes) needs about {needed} bytes, which the system refused ({reason})",
        zh: "内存不足：读取“{path}”（{size} 字节）约需 {needed} 字节，系统拒绝分配（{reason}）")
    static let refused = MessageTemplate(
        "load.out-of-memory", en: "out of memory: the system refused {needed} bytes ({reason})", zh: "内存不足：系统拒绝分配 {needed} 字节（{reason}）")
    static let uncountable = MessageTemplate(
        "load.out-of-memory-uncountable", en: "out of memory: the system refused an allocation too large to count ({reason})",
        zh: "内存不足：系统拒绝了一次大到无法计数的分配（{reason}）")
    static let hint = MessageTemplate(
        "load.out-of-memory.hint", en: "raise the memory limit (ulimit -v), or check a vault with fewer or smaller files",
        zh: "请提高内存上限（ulimit -v），或检查文件更少、更小的 vault")

    static let messages = [reading, refused, uncountable, hint]
}
