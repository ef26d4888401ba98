import VaultKit

/// Dispatches `vault [-C DIR] COMMAND [OPTIONS]` to a command.
struct CommandLineTool {
    var arguments: [String]

    static let version = "0.1.0"

    static let usage = """
        usage: vault [-C DIR] COMMAND [OPTIONS]

        commands:
          lint      check every file of the vault against its schema and the rules
          score     the ranked results of a period; --write records them in the vault
          explain   how an alliance's score for a period came about
          stats     a period's figures: bands, batches, awards, activity totals
          report    a period's report: text, Markdown, JSON or a self-contained HTML page
          diff      what a change moves: scores, bands, ranks, awards, and why
          fmt       rewrite files in canonical form (--check: only report)
          codeowners  write CODEOWNERS from the vault's maintainers, experts and secretariat
          review    review assign: give each expert the review lines they owe at a stage
          status    what is left before a period can be published
          rules     list the lint rules (--markdown: the docs/rules.md catalogue)
          schema    print a schema as the tool reads it (core: the built-in kinds)
          help      show this help

        options:
          -C DIR     run as if started in DIR (the project is found from there upward)
          --version  print the version

        Run `vault COMMAND --help` for a command's options.

        """

    static let commands = ["lint", "score", "explain", "stats", "report", "diff", "fmt", "codeowners", "review", "status", "rules", "schema", "help"]

    func run() -> ExitStatus {
        var rest = arguments
        var directory: String?
        while let first = rest.first, first.hasPrefix("-") {
            switch first {
            case "-C":
                guard rest.count > 1 else { return usageError(UsageError(message: "option -C needs a directory", usage: Self.usage)) }
                directory = rest[1]
                rest.removeFirst(2)
            case "--help", "-h":
                Terminal.write(Self.usage)
                return .clean
            case "--version":
                Terminal.write("vault \(Self.version)\n")
                return .clean
            default:
                let guess = Suggest.closest(to: first, in: ["-C", "--help", "--version"]).map { "; did you mean \($0)?" } ?? ""
                return usageError(UsageError(message: "unknown option \(first)\(guess)", usage: Self.usage))
            }
        }
        guard let command = rest.first else {
            return usageError(UsageError(message: "missing command", usage: Self.usage))
        }
        let commandArguments = Array(rest.dropFirst())
        if commandArguments.contains("--help") || commandArguments.contains("-h") {
            Terminal.write(Self.commandUsage(command) ?? Self.usage)
            return .clean
        }
        do throws(UsageError) {
            switch command {
            case "lint": return try LintCommand(directory: directory, arguments: commandArguments).run()
            case "score": return try ScoreCommand(directory: directory, arguments: commandArguments).run()
            case "explain": return try ExplainCommand(directory: directory, arguments: commandArguments).run()
            case "stats": return try StatsCommand(directory: directory, arguments: commandArguments).run()
            case "report": return try ReportCommand(directory: directory, arguments: commandArguments).run()
            case "diff": return try DiffCommand(directory: directory, arguments: commandArguments).run()
            case "fmt": return try FmtCommand(directory: directory, arguments: commandArguments).run()
            case "codeowners": return try CodeownersCommand(directory: directory, arguments: commandArguments).run()
            case "review": return try ReviewCommand(directory: directory, arguments: commandArguments).run()
            case "status": return try StatusCommand(directory: directory, arguments: commandArguments).run()
            case "rules": return try RulesCommand(arguments: commandArguments).run()
            case "schema": return try SchemaCommand(directory: directory, arguments: commandArguments).run()
            case "help":
                Terminal.write(Self.usage)
                return .clean
            default:
                let guess = Suggest.closest(to: command, in: Self.commands).map { "; did you mean \"\($0)\"?" } ?? ""
                throw UsageError(message: "unknown command \"\(command)\"\(guess)", usage: Self.usage)
            }
        } catch {
            return usageError(error)
        }
    }

    static func commandUsage(_ command: String) -> String? {
        switch command {
        case "lint": LintCommand.options.usage
        case "score": ScoreCommand.options.usage
        case "explain": ExplainCommand.options.usage
        case "stats": StatsCommand.options.usage
        case "report": ReportCommand.options.usage
        case "diff": DiffCommand.options.usage
        case "fmt": FmtCommand.options.usage
        case "codeowners": CodeownersCommand.options.usage
        case "review": ReviewCommand.options.usage
        case "status": StatusCommand.options.usage
        case "rules": RulesCommand.options.usage
        case "schema": SchemaCommand.options.usage
        default: nil
        }
    }

    func usageError(_ error: UsageError) -> ExitStatus {
        Terminal.error("vault: \(Escape.terminal(error.message))\n" + (error.usage.isEmpty ? "" : "\n\(error.usage)"))
        return .usage
    }
}

/// Finds the project and opens it, or says why not (exit status 2).
func openProject(_ directory: String?) -> DiskFileSystem? {
    let start = directory ?? Terminal.currentDirectory
    do throws(FileSystemError) {
        let root = try ProjectLocator.findRoot(from: start)
        return try DiskFileSystem(root: root)
    } catch {
        Terminal.failure(error.message, hint: error.hint)
        return nil
    }
}

/// Keeps a loaded model alive until the process exits, so that the operating system
/// reclaims it in one go: freeing a million records object by object took 25 ms of
/// a 600 ms lint. Only the executable does this; the library frees as usual.
func keptUntilExit<T>(_ value: T) -> T {
    _ = Unmanaged.passRetained(KeptValue(value))
    return value
}

private final class KeptValue<T> {
    let value: T
    init(_ value: T) { self.value = value }
}
