import VaultKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Exit statuses scripts can rely on.
enum ExitStatus: Int32 {
    /// Clean (warnings allowed unless --strict).
    case clean = 0
    /// Findings.
    case findings = 1
    /// Usage or I/O error: nothing was checked.
    case usage = 2
}

enum Terminal {
    /// The language everything this process says is in: chosen once, first thing
    /// (`Language.choose`), before any thread starts.
    nonisolated(unsafe) static var language: Language = .en

    /// The process's environment (`NAME=value` pairs; the first of a repeated name wins).
    static var environment: [String: String] {
        var out: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let pair = String(cString: pointer)
            if let equals = pair.firstIndex(of: "="), out[String(pair[..<equals])] == nil {
                out[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
            }
            entry += 1
        }
        return out
    }
    static func write(_ text: String) { writeAll(STDOUT_FILENO, text) }

    static func error(_ text: String) { writeAll(STDERR_FILENO, text) }

    /// `vault: MESSAGE` and its hint on standard error, escaped: a message quotes
    /// paths and values, which may hold control characters.
    static func failure(_ message: String, hint: String? = nil) {
        error("vault: \(Escape.terminal(message))\n" + (hint.map { DiagnosticTextReporter.hintLine(["hint": .text(Escape.terminal($0))]).text(language) + "\n" } ?? ""))
    }

    /// A refusal from the catalogue, in the language this process speaks.
    static func failure(_ message: Message, hint: Message? = nil) {
        failure(message.text(language), hint: hint?.text(language))
    }

    /// The first write that failed (standard output or error) and why: once one
    /// has, nothing more is written there, and the process ends with exit status 2
    /// and a message (`finish`), whatever the command found: output that stopped
    /// half-way (a full disk, `> /dev/full`) is never taken for a complete one.
    nonisolated(unsafe) private(set) static var failedWrite: (stream: String, reason: MessageArgument)?

    /// Unbuffered, so output and errors keep their order and nothing waits in a buffer at exit.
    private static func writeAll(_ fd: Int32, _ text: String) {
        guard failedWrite == nil else { return }
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let reason: MessageArgument = n < 0 ? .text(String(cString: strerror(errno))) : .message(UsageMessages.nothingWritten())
                failedWrite = (fd == STDERR_FILENO ? "standard error" : "standard output", reason)
                return
            }
            offset += n
        }
    }

    /// Whether standard output gets colour: `--color always|never` decides; with
    /// `auto` (the default), never when NO_COLOR is set and not empty (https://no-color.org),
    /// always when CLICOLOR_FORCE is set and not 0 (https://bixense.com/clicolors/),
    /// else only on a terminal.
    static func color(_ when: String?) -> Bool {
        switch when {
        case "always": return true
        case "never": return false
        default:
            if let value = getenv("NO_COLOR"), value.pointee != 0 { return false }
            if let value = getenv("CLICOLOR_FORCE"), value.pointee != 0, String(cString: value) != "0" { return true }
            return isatty(STDOUT_FILENO) == 1
        }
    }

    /// The exit status: the command's, or 2 (with a message on standard error, when
    /// it can still be written) when output was lost.
    static func finish(_ status: ExitStatus) -> ExitStatus {
        guard let failed = failedWrite else { return status }
        if failed.stream == "standard output" {
            let message = "vault: " + UsageMessages.lostOutput(["reason": failed.reason]).text(language) + "\n"
            _ = message.utf8CString.withUnsafeBufferPointer { Glibc.write(STDERR_FILENO, $0.baseAddress!, $0.count - 1) }
        }
        return .usage
    }

    static var currentDirectory: String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }
}
