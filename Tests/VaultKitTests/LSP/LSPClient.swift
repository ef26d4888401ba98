import Foundation

/// The built `vault lsp`, started as an editor starts it, spoken to over pipes.
/// Its output is read on a thread of its own into frames (parsed here, not by the
/// server's reader); `receive` waits for one with a time limit, so a server that
/// hangs fails its test instead of stopping the suite.
final class LSPClient: @unchecked Sendable {
    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSCondition()
    private var buffer: [UInt8] = []
    private var ended = false
    private var nextID = 1

    init(directory: String, arguments: [String] = [], environment: [String: String] = [:]) throws {
        process.executableURL = Run.executable
        process.arguments = ["lsp"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let handle = output.fileHandleForReading
        Thread.detachNewThread { [self] in
            while true {
                let data = handle.availableData
                lock.lock()
                if data.isEmpty { ended = true } else { buffer += data }
                lock.broadcast()
                lock.unlock()
                if data.isEmpty { break }
            }
        }
        let errorHandle = errors.fileHandleForReading
        Thread.detachNewThread { _ = errorHandle.readDataToEndOfFile() }
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// Sends raw bytes, framing and all.
    func sendRaw(_ bytes: [UInt8]) {
        input.fileHandleForWriting.write(Data(bytes))
    }

    func send(_ message: [String: Any]) { sendRaw(Self.framed(message)) }

    /// A message as it goes on the wire, so that several can be sent in one write.
    static func framed(_ message: [String: Any]) -> [UInt8] {
        var message = message
        message["jsonrpc"] = "2.0"
        let body = try! JSONSerialization.data(withJSONObject: message)
        return Array("Content-Length: \(body.count)\r\n\r\n".utf8) + Array(body)
    }

    func notify(_ method: String, _ params: [String: Any] = [:]) { send(["method": method, "params": params]) }

    /// Sends a request and returns its id.
    @discardableResult
    func request(_ method: String, _ params: [String: Any] = [:]) -> Int {
        defer { nextID += 1 }
        send(["id": nextID, "method": method, "params": params])
        return nextID
    }

    /// The next message from the server, or nil when none came within `timeout` seconds.
    func receive(timeout: TimeInterval = 30) -> [String: Any]? {
        let deadline = Date().addingTimeInterval(timeout)
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let (body, used) = Self.frame(in: buffer) {
                buffer.removeFirst(used)
                return try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any]
            }
            if ended || !lock.wait(until: deadline) { return nil }
        }
    }

    /// The answer to request `id`, skipping notifications on the way.
    func response(to id: Int, timeout: TimeInterval = 30) -> [String: Any]? {
        while let message = receive(timeout: timeout) {
            if message["method"] == nil, message["id"] as? Int == id { return message }
        }
        return nil
    }

    /// The next diagnostics published for `uri` (for its `version`, when given), skipping other messages.
    func diagnostics(for uri: String, version: Int? = nil, timeout: TimeInterval = 30) -> [[String: Any]]? {
        while let message = receive(timeout: timeout) {
            guard message["method"] as? String == "textDocument/publishDiagnostics",
                  let params = message["params"] as? [String: Any], params["uri"] as? String == uri,
                  version == nil || params["version"] as? Int == version else { continue }
            return params["diagnostics"] as? [[String: Any]]
        }
        return nil
    }

    /// `initialize` offering the given position encodings; the server's answer.
    func initialize(root: String, encodings: [String]? = nil, options: [String: Any]? = nil) -> [String: Any]? {
        var params: [String: Any] = ["processId": NSNull(), "rootUri": URL(fileURLWithPath: root).absoluteString]
        params["capabilities"] = encodings.map { ["general": ["positionEncodings": $0]] } ?? [:]
        if let options { params["initializationOptions"] = options }
        let id = request("initialize", params)
        let answer = response(to: id)
        notify("initialized")
        return answer
    }

    /// Waits for the process to end (killing it after `timeout`); its exit status, -1 when killed.
    func waitForExit(timeout: TimeInterval = 30) -> Int32 {
        try? input.fileHandleForWriting.close()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return -1
        }
        return process.terminationStatus
    }

    /// Resident memory of the server in KiB (VmRSS in /proc).
    func residentKiB() -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }) else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }

    static func frame(in bytes: [UInt8]) -> (body: [UInt8], used: Int)? {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = (0...max(0, bytes.count - 4)).first(where: { bytes.count >= $0 + 4 && Array(bytes[$0..<$0 + 4]) == separator }) else { return nil }
        let header = String(decoding: bytes[..<end], as: UTF8.self)
        guard let field = header.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
              let length = Int(field.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) else { return nil }
        let start = end + 4
        guard bytes.count >= start + length else { return nil }
        return (Array(bytes[start..<start + length]), start + length)
    }
}
