#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import VaultKit

/// Runs a `Server` over standard input and output: one read loop, messages
/// answered in the order they came, diagnostics published once the input read so
/// far is handled (a burst of edits is checked once, after its last one).
/// The log goes to standard error, which editors keep in their LSP log.
public enum StdioServer {
    /// How many messages may be handled before pending diagnostics are published,
    /// however fast edits keep coming.
    static let publishEvery = 64

    /// Serves until `exit` or the end of input; the exit status the protocol asks
    /// for: 0 after `shutdown`, 1 without.
    public static func run(_ configuration: Server.Configuration) -> Int32 {
        // A client that goes away makes writes fail (EPIPE) instead of killing the server.
        signal(SIGPIPE, SIG_IGN)
        nonisolated(unsafe) var outputFailed = false
        let server = Server(configuration, send: { json in
            if !outputFailed, !writeAll(1, MessageReader.frame(json.bytes)) { outputFailed = true }
        }, log: { line in
            _ = writeAll(2, Array("vault lsp: \(Escape.terminal(line))\n".utf8))
        })
        var reader = MessageReader()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var sincePublished = 0
        while server.exitStatus == nil, !outputFailed {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            reader.append(chunk[..<count])
            var frames: [MessageReader.Frame] = []
            while let frame = reader.next() { frames.append(frame) }
            server.handle(frames)
            sincePublished += frames.count
            if server.hasStaleDocuments, sincePublished >= publishEvery || !inputWaiting() {
                server.publishDiagnostics()
                sincePublished = 0
            }
        }
        if outputFailed { return 1 }
        return server.exitStatus ?? 1
    }

    /// Whether standard input has more bytes ready now.
    static func inputWaiting() -> Bool {
        var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0 && descriptor.revents & Int16(POLLIN) != 0
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            written += n
        }
        return true
    }
}
