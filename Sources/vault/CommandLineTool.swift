import VaultKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Dispatches `vault [-C DIR] COMMAND [OPTIONS]` through the registry (`Commands.all`).
struct CommandLineTool {
    var arguments: [String]

    static let version = "0.1.0"

    /// The general help, from the registry, in the language this process speaks.
    static var usage: String { usage(Terminal.language) }

    static func usage(_ language: Language) -> String {
        let shown = Commands.all.filter { !$0.hidden }
        var out = Command.usageWord(language) + "vault [-C DIR] [--color WHEN] COMMAND [OPTIONS]\n\n\(commandsHeading(language))\n"
        out += Command.table(shown.map { ($0.name, $0.summary(language)) })
        out += "\n\(optionsHeading(language))\n" + Command.table(GlobalOptions.all.map { ($0.shown, $0.help(language)) })
        out += "\n\(moreHelp(language))\n\n"
        return out
    }

    static let commandsHeading = Text(en: "commands:", zh: "命令：")
    static let optionsHeading = Text(en: "options:", zh: "选项：")
    static let moreHelp = Text(en: "Run `vault help COMMAND` or `vault COMMAND --help` for a command's options.",
                               zh: "运行 `vault help COMMAND` 或 `vault COMMAND --help` 查看一个命令的选项。")

    /// The general help's own texts, for the catalogue.
    static let messages = [commandsHeading.template("cli.help.commands"), optionsHeading.template("cli.help.options"),
                           moreHelp.template("cli.help.more")]

    func run() -> ExitStatus {
        // The language first, wherever --lang stands, so that every later word is said in it.
        let environment = Terminal.environment
        do throws(Language.Refusal) {
            Terminal.language = try Language.choose(flag: Globals.languageFlag(in: arguments), environment: environment)
            OutOfMemory.language = Terminal.language
        } catch {
            // The refusal itself is said in the language the other settings choose.
            Terminal.language = Self.fallbackLanguage(environment)
            OutOfMemory.language = Terminal.language
            if arguments.first == "__complete" { return Completion.run(Array(arguments.dropFirst())) }
            return usageError(UsageError(message: error.message, usage: ""))
        }
        if arguments.first == "__complete" { return Completion.run(Array(arguments.dropFirst())) }
        if arguments.first == "__catalogue" {
            Terminal.write(ExecutableCatalogue.tsv())
            return .clean
        }
        var rest = arguments
        var globals = Globals()
        // Global options before the command.
        while let first = rest.first, first.hasPrefix("-") {
            switch first {
            case "--help", "-h":
                Terminal.write(Self.usage)
                return .clean
            case "--version":
                Terminal.write("vault \(Self.version)\n")
                return .clean
            default:
                do throws(UsageError) {
                    guard try globals.take(&rest, at: 0) else {
                        throw UsageError(message: UsageMessages.unknown(option: first, among: GlobalOptions.all.map(\.name)), usage: Self.usage)
                    }
                } catch {
                    return usageError(error)
                }
            }
        }
        guard !rest.isEmpty else { return usageError(UsageError(message: UsageMessages.missingCommand(), usage: Self.usage)) }
        let command: Command
        do throws(UsageError) {
            command = try Commands.find(rest)
        } catch {
            return usageError(error)
        }
        var commandArguments = Array(rest.dropFirst(command.words.count))
        if commandArguments.contains("--help") || commandArguments.contains("-h") {
            Terminal.write(command.usage)
            return .clean
        }
        do throws(UsageError) {
            // -C and --color after the command, as git and most tools accept them.
            var index = 0
            while index < commandArguments.count {
                if try !globals.take(&commandArguments, at: index) { index += 1 }
            }
            var invocation = try command.parse(commandArguments)
            invocation.directory = globals.directory
            invocation.color = Terminal.color(globals.color)
            invocation.language = Terminal.language
            if invocation.positionals.count < command.positionals.lowerBound {
                let missing = command.arguments[invocation.positionals.count]
                if missing.kind == .period { return whichPeriod(invocation.directory, usage: command.usage) }
                throw UsageError(message: UsageMessages.missingArgument(["argument": .text(missing.name)]), usage: command.usage)
            }
            return try command.run(invocation)
        } catch {
            return usageError(error)
        }
    }

    func usageError(_ error: UsageError) -> ExitStatus {
        Terminal.error("vault: \(Escape.terminal(error.message.text(Terminal.language)))\n" + (error.usage.isEmpty ? "" : "\n\(error.usage)"))
        return .usage
    }

    /// The language a refused `--lang` or `VAULT_LANG` is refused in: what the
    /// settings after it choose (VAULT_LANG, else the locale).
    static func fallbackLanguage(_ environment: [String: String]) -> Language {
        (try? Language.choose(flag: nil, environment: environment))
            ?? (try? Language.choose(flag: nil, environment: environment.filter { $0.key != "VAULT_LANG" })) ?? .en
    }
}

/// `-C DIR`, `--color WHEN` and `--lang LANG`, wherever they stand.
struct Globals {
    var directory: String?
    var color: String?

    /// The value of the last `--lang` before `--`, if any (`--lang zh`, `--lang=zh`).
    static func languageFlag(in words: [String]) -> String? {
        var found: String?
        var index = 0
        while index < words.count, words[index] != "--" {
            if words[index] == "--lang" {
                // Without a value the option is a usage error, said by `take`.
                found = index + 1 < words.count ? words[index + 1] : nil
                index += 1
            } else if words[index].hasPrefix("--lang=") {
                found = String(words[index].dropFirst("--lang=".count))
            }
            index += 1
        }
        return found
    }

    /// Takes the global option at `index` out of `words`; false when it is none.
    mutating func take(_ words: inout [String], at index: Int) throws(UsageError) -> Bool {
        let word = words[index]
        let name = word.split(separator: "=", maxSplits: 1).first.map(String.init) ?? word
        guard name == "-C" || name == "--color" || name == "--lang" else { return false }
        let option = GlobalOptions.all.first { $0.name == name }!
        var value: String
        if name != word {
            value = String(word.dropFirst(name.count + 1))
            words.remove(at: index)
        } else {
            guard index + 1 < words.count else {
                throw UsageError(message: name == "-C" ? UsageMessages.needsDirectory()
                                 : UsageMessages.needsChoice(["option": .text(name), "choices": .list(option.choices)]),
                                 usage: CommandLineTool.usage)
            }
            value = words[index + 1]
            words.removeSubrange(index...index + 1)
        }
        if name == "--lang" { return true }  // chosen before anything else (`languageFlag`)
        if name == "-C" {
            if let earlier = directory {
                // Several -C options compose, as in git: each is relative to the one before.
                value = value.hasPrefix("/") ? value : earlier + "/" + value
            }
            directory = value
        } else {
            guard option.choices.contains(value) else {
                throw UsageError(message: UsageMessages.notAmong(option.choices, option: name, value: value), usage: CommandLineTool.usage)
            }
            color = value
        }
        return true
    }
}

/// "which period?" with the project's periods: the one answer every command that
/// needs a period gives when none is named.
func whichPeriod(_ directory: String?, usage: String) -> ExitStatus {
    guard let fs = openProject(directory) else { return .usage }
    let periods = ProjectWords.periods(fs)
    let message = periods.isEmpty ? UsageMessages.whichPeriodNone() : UsageMessages.whichPeriod(["periods": .list(periods)])
    Terminal.error("vault: " + Escape.terminal(message.text(Terminal.language)) + "\n\n" + usage)
    return .usage
}

/// Finds the project and opens it, or says why not (exit status 2).
func openProject(_ directory: String?) -> DiskFileSystem? {
    let start = directory ?? Terminal.currentDirectory
    do throws(FileSystemError) {
        let root = try ProjectLocator.findRoot(from: start)
        return try DiskFileSystem(root: root)
    } catch {
        Terminal.failure(error.message.text(Terminal.language), hint: error.hint?.text(Terminal.language))
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
