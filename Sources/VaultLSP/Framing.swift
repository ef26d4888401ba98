/// The base protocol's framing: `Content-Length: N\r\n` (other header fields
/// allowed and ignored), an empty line, then N bytes of JSON. Bytes, not lines:
/// a body may hold any byte, and the reader never waits for a line end.
///
/// The reader is fed what standard input gives and hands out whole bodies. What
/// cannot be a message is skipped and said (`Frame.skipped`), never fatal: a header
/// block without a valid `Content-Length`, one longer than `headerLimit`, a body
/// over `bodyLimit` (its bytes are counted off, not kept). After a skip or a body
/// cut short by a wrong length, it finds its footing at the next `Content-Length`.
public struct MessageReader: Sendable {
    public enum Frame: Sendable, Equatable {
        /// A body, to be parsed as JSON.
        case message([UInt8])
        /// Bytes that were not a message, and why (for the log).
        case skipped(String)
    }

    /// The longest header block read (8 KiB): a client sends one or two short fields.
    public static let headerLimit = 8_192
    /// The largest body read (256 MiB): a document of the 64 MiB a vault file may hold,
    /// with room for JSON's escapes.
    public static let bodyLimit = 256 << 20

    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes of an over-long body still to be discarded as they arrive.
    private var discarding = 0
    private let bodyLimit: Int

    public init(bodyLimit: Int = MessageReader.bodyLimit) { self.bodyLimit = bodyLimit }

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// How many bytes are held, not yet handed out (bounded by the largest message).
    public var buffered: Int { buffer.count - start }

    /// The next frame, or nil when more bytes are needed.
    public mutating func next() -> Frame? {
        defer { compact() }
        if discarding > 0 {
            let dropped = min(discarding, buffered)
            start += dropped
            discarding -= dropped
            if discarding > 0 { return nil }
        }
        guard buffered > 0 else { return nil }
        // Junk before a header (the tail of a body whose length was understated).
        if let found = find(Self.contentLength, from: start, caseInsensitive: true), found > start,
           buffer[found - 1] != UInt8(ascii: "\n"),
           find(Self.blankLine, from: start).map({ $0 > found }) ?? true {
            let junk = found - start
            start = found
            return .skipped("\(junk) bytes before a header skipped")
        }
        guard let end = find(Self.blankLine, from: start) else {
            if buffered > Self.headerLimit {
                // No header ends within the limit: drop it, keeping a tail that may start the next one.
                let keep = Self.contentLength.count
                let dropped = buffered - keep
                start += dropped
                return .skipped("a header of over \(Self.headerLimit) bytes skipped (\(dropped) bytes)")
            }
            return nil
        }
        let header = Array(buffer[start..<end])
        let bodyStart = end + Self.blankLine.count
        guard header.count <= Self.headerLimit else {
            start = bodyStart
            return .skipped("a header of \(header.count) bytes, over the \(Self.headerLimit) allowed, skipped")
        }
        guard let length = Self.length(in: header) else {
            start = bodyStart
            return .skipped("a header without a valid Content-Length skipped: \"\(Self.printable(header))\"")
        }
        guard length <= bodyLimit else {
            start = bodyStart
            discarding = length
            return .skipped("a body of \(length) bytes, over the \(bodyLimit) allowed, skipped")
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<bodyStart + length])
        start = bodyStart + length
        return .message(body)
    }

    /// Frames a body for writing.
    public static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    static let contentLength = Array("content-length:".utf8)
    static let blankLine = Array("\r\n\r\n".utf8)

    /// The `Content-Length` of a header block: one field, a decimal number of at most
    /// 12 digits; nil when it is missing, repeated with another value or not a number.
    static func length(in header: [UInt8]) -> Int? {
        var found: Int?
        for line in header.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            var field = Array(line)
            if field.last == UInt8(ascii: "\r") { field.removeLast() }
            guard field.count >= contentLength.count,
                  zip(field, contentLength).allSatisfy({ lower($0) == $1 }) else { continue }
            let digits = field[contentLength.count...].drop { $0 == 0x20 || $0 == 0x09 }
            let trimmed = digits.reversed().drop { $0 == 0x20 || $0 == 0x09 }.reversed()
            guard !trimmed.isEmpty, trimmed.count <= 12, trimmed.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            let value = trimmed.reduce(0) { $0 * 10 + Int($1 - 0x30) }
            if let earlier = found, earlier != value { return nil }
            found = value
        }
        return found
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

    /// A header shown in the log: printable ASCII, at most 80 bytes.
    static func printable(_ bytes: [UInt8]) -> String {
        String(decoding: bytes.prefix(80).map { $0 >= 0x20 && $0 < 0x7F ? $0 : UInt8(ascii: "?") }, as: UTF8.self)
    }

    private func find(_ needle: [UInt8], from: Int, caseInsensitive: Bool = false) -> Int? {
        guard buffer.count - from >= needle.count else { return nil }
        var i = from
        let last = buffer.count - needle.count
        while i <= last {
            var j = 0
            while j < needle.count, (caseInsensitive ? Self.lower(buffer[i + j]) : buffer[i + j]) == needle[j] { j += 1 }
            if j == needle.count { return i }
            i += 1
        }
        return nil
    }

    /// Drops handed-out bytes once they are the larger part of the buffer, so that
    /// a long session holds no more than its largest message.
    private mutating func compact() {
        if start > 0 && start >= buffer.count / 2 {
            buffer.removeFirst(start)
            start = 0
        }
    }
}
