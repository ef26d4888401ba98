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
    static func write(_ text: String) { writeAll(STDOUT_FILENO, text) }

    static func error(_ text: String) { writeAll(STDERR_FILENO, text) }

    /// `vault: MESSAGE` and its hint on standard error, escaped: a message quotes
    /// paths and values, which may hold control characters.
    static func failure(_ message: String, hint: String? = nil) {
        error("vault: \(Escape.terminal(message))\n" + (hint.map { "  = hint: \(Escape.terminal($0))\n" } ?? ""))
    }

    /// Unbuffered, so output and errors keep their order and nothing waits in a buffer at exit.
    private static func writeAll(_ fd: Int32, _ text: String) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeMutableBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
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

    static var currentDirectory: String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }
}
