import VaultKit

/// A usage error: what was wrong, and the usage to show with it.
struct UsageError: Error {
    var message: Message
    var usage: String
}

/// A help text of the executable in both languages, written in the registry entry
/// that shows it (a summary, an option's or argument's help, a command's notes), so
/// that one entry still drives dispatch, help, completion and the man page.
/// `vault __catalogue` lists each under an id made from where it stands
/// (`cli.help.lint.option.--format`), and the catalogue test checks them.
struct Text: Sendable {
    var en: String
    var zh: String

    init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    static let empty = Text(en: "", zh: "")

    var isEmpty: Bool { en.isEmpty }

    /// The text in `language`, as written (help is not a template: no placeholders).
    func callAsFunction(_ language: Language) -> String { language == .zh ? zh : en }

    /// In the language this process speaks (`Terminal.language`).
    var shown: String { self(Terminal.language) }

    func template(_ id: String) -> MessageTemplate { MessageTemplate(id, en: en, zh: zh) }
}

/// What a word on the command line names: completion offers these, and the man page
/// and the "which period?" answer know them.
enum ValueKind: Sendable, Equatable {
    case none
    /// A period id of the project (vault/periods/ID.txt).
    case period
    /// An alliance of the project (vault/alliances/ID/): by id, code, name, former or short name.
    case alliance
    /// A schema id (schemas/ID.txt), or core.
    case schema
    /// A command of this registry.
    case command
    /// A file or directory.
    case path
    case directory
}

/// One option of a command: a flag, or an option taking a value.
struct Option: Sendable {
    var name: String
    /// The value's placeholder (FILE, BASE), nil for a flag.
    var value: String?
    /// The values allowed, when there is a fixed list.
    var choices: [String] = []
    var kind: ValueKind = .none
    var help: Text

    static func flag(_ name: String, _ help: Text) -> Option { Option(name: name, value: nil, help: help) }

    static func value(_ name: String, _ value: String, choices: [String] = [], kind: ValueKind = .none, _ help: Text) -> Option {
        Option(name: name, value: value, choices: choices, kind: kind, help: help)
    }

    /// `--format text|json` or `--output FILE`.
    var shown: String { value == nil ? name : "\(name) \(choices.isEmpty ? value! : choices.joined(separator: "|"))" }
}

/// One positional argument of a command.
struct Argument: Sendable {
    var name: String
    var kind: ValueKind = .none
    var choices: [String] = []
    var optional = false
    /// Takes any number of words (PATHS…); the last argument only.
    var repeats = false
    var help: Text = .empty

    var shown: String {
        let word = repeats ? "\(name)…" : name
        return optional || repeats ? "[\(word)]" : word
    }
}

/// What a command's handler receives: the parsed words and the global options.
struct Invocation {
    /// `-C DIR`, before or after the command.
    var directory: String?
    var flags: Set<String> = []
    var values: [String: String] = [:]
    var positionals: [String] = []
    /// Whether standard output gets colour (`--color`, NO_COLOR, CLICOLOR_FORCE, a terminal).
    var color = false
    /// The language of messages and text output (`--lang`, VAULT_LANG, the locale).
    var language: Language = .en
    /// The directory the user works from: `-C DIR` ("as if started in DIR"), else the
    /// current directory; symlink-free.
    var workingDirectory: String {
        let start = directory.map { $0.hasPrefix("/") ? $0 : Terminal.currentDirectory + "/" + $0 } ?? Terminal.currentDirectory
        return DiskFileSystem.realPath(start) ?? start
    }

    /// How text output shows project-relative paths: from the user's directory, so that
    /// an editor's jump-to-file finds them.
    func paths(root: String) -> PathDisplay { PathDisplay(root: root, directory: workingDirectory) }

    /// A path the user typed, as a project-relative path ("" for the root), or nil
    /// when it lies outside the project.
    func projectPath(_ typed: String, root: String) -> String? {
        let absolute = typed.hasPrefix("/") ? typed : workingDirectory + "/" + typed
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast() } else { parts.append(part) }
        }
        let rootParts = root.split(separator: "/")
        guard parts.starts(with: rootParts) else { return nil }
        return parts.dropFirst(rootParts.count).joined(separator: "/")
    }
}

/// A command of `vault`: everything dispatch, `--help`, `vault help COMMAND`,
/// completion and the man page need. Adding a command is adding one of these to
/// `Commands.all`.
struct Command: Sendable {
    /// One word, or two for a subcommand ("period new").
    var name: String
    /// One line, lower case, for the command list.
    var summary: Text
    var arguments: [Argument] = []
    var options: [Option] = []
    /// Synopsis lines after `vault [-C DIR] `; default: the name, options and arguments.
    var synopsis: [String] = []
    /// More to say after the options (exit status, notes); may be empty.
    var help: Text = .empty
    /// Runs inside a project (its synopsis shows `[-C DIR]`).
    var project = true
    /// Left out of the help, the man page and completion (`__complete`).
    var hidden = false
    var run: @Sendable (Invocation) throws(UsageError) -> ExitStatus

    var words: [String] { name.split(separator: " ").map(String.init) }

    var positionals: ClosedRange<Int> {
        let required = arguments.count { !$0.optional && !$0.repeats }
        return required...(arguments.last?.repeats == true ? Int.max : arguments.count)
    }

    var synopsisLines: [String] {
        let lead = project ? "vault [-C DIR] " : "vault "
        if !synopsis.isEmpty { return synopsis.map { lead + $0 } }
        let parts = [name] + arguments.map(\.shown) + options.map { "[\($0.shown)]" }
        return [lead + parts.joined(separator: " ")]
    }

    /// `vault COMMAND --help`, `vault help COMMAND`, and the usage shown with a usage
    /// error, in the language this process speaks.
    var usage: String { usage(Terminal.language) }

    func usage(_ language: Language) -> String {
        let help = self.help(language)
        var out = Command.usageWord(language) + synopsisLines.joined(separator: "\n" + Command.usageIndent(language)) + "\n\n\(summary(language))\n"
        let rows = arguments.filter { !$0.help.isEmpty }.map { ($0.name, $0.help(language)) } + options.map { ($0.shown, $0.help(language)) }
        if !rows.isEmpty { out += "\n" + Command.table(rows) }
        if !help.isEmpty { out += "\n" + help + (help.hasSuffix("\n") ? "" : "\n") }
        return out + "\n"
    }

    /// "usage: " and the indent of the synopsis's next lines under its first.
    static func usageWord(_ language: Language) -> String { language == .zh ? "用法：" : "usage: " }
    static func usageIndent(_ language: Language) -> String { language == .zh ? "      " : "       " }

    /// The command's texts as catalogue entries: `cli.help.NAME.summary`,
    /// `….argument.NAME`, `….option.NAME`, `….notes`.
    var messages: [MessageTemplate] {
        let base = "cli.help." + words.joined(separator: "-")
        var out = [summary.template(base + ".summary")]
        out += arguments.filter { !$0.help.isEmpty }.map { $0.help.template(base + ".argument." + $0.name) }
        out += options.map { $0.help.template(base + ".option." + $0.name) }
        if !help.isEmpty { out.append(help.template(base + ".notes")) }
        return out
    }

    /// Two columns: a name, and its help with continuation lines under the help.
    static func table(_ rows: [(String, String)]) -> String {
        let width = rows.map { $0.0.count }.filter { $0 <= 20 }.max() ?? 0
        var out = ""
        for (name, help) in rows {
            let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
            let indent = String(repeating: " ", count: width + 4)
            if name.count > width {
                out += "  \(name)\n"
                for line in lines { out += indent + line + "\n" }
            } else {
                out += "  \(name.padding(width))  \(lines.first ?? "")\n"
                for line in lines.dropFirst() { out += indent + line + "\n" }
            }
        }
        return out
    }

    /// Strict parsing, with "did you mean" for typos. A missing argument is left to
    /// the caller, which may answer "which period?".
    func parse(_ arguments: [String]) throws(UsageError) -> Invocation {
        var parsed = Invocation()
        var index = 0
        let flags = options.filter { $0.value == nil }.map(\.name)
        var valued: [String: Option] = [:]
        for option in options where option.value != nil { valued[option.name] = option }
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument.hasPrefix("-") && argument != "-" {
                var name = argument
                var inline: String?
                if let equals = argument.firstIndex(of: "=") {
                    name = String(argument[..<equals])
                    inline = String(argument[argument.index(after: equals)...])
                }
                if flags.contains(name), inline == nil {
                    parsed.flags.insert(name)
                } else if let option = valued[name] {
                    let allowed = option.choices
                    guard let value = inline ?? (index < arguments.count ? arguments[index] : nil) else {
                        throw UsageError(message: allowed.isEmpty ? UsageMessages.needsValue(["option": .text(name)])
                                         : UsageMessages.needsChoice(["option": .text(name), "choices": .list(allowed)]), usage: usage)
                    }
                    if inline == nil { index += 1 }
                    guard allowed.isEmpty || allowed.contains(value) else {
                        throw UsageError(message: UsageMessages.notAmong(allowed, option: name, value: value), usage: usage)
                    }
                    parsed.values[name] = value
                } else {
                    let known = flags + valued.keys.sorted()
                    throw UsageError(message: UsageMessages.unknown(option: name, among: known), usage: usage)
                }
            } else {
                parsed.positionals.append(argument)
            }
        }
        if parsed.positionals.count > positionals.upperBound {
            throw UsageError(message: UsageMessages.unexpectedArgument(["argument": .text(parsed.positionals[positionals.upperBound])]), usage: usage)
        }
        for (i, word) in parsed.positionals.enumerated() {
            let argument = self.arguments[min(i, self.arguments.count - 1)]
            guard argument.choices.isEmpty || argument.choices.contains(word) else {
                let given: KeyValuePairs<String, MessageArgument> = ["argument": .text(argument.name), "choices": .list(argument.choices), "value": .text(word)]
                let message = Suggest.closest(to: word, in: argument.choices).map {
                    UsageMessages.notAnArgumentChoiceGuess(["argument": .text(argument.name), "choices": .list(argument.choices), "value": .text(word), "guess": .text($0)])
                } ?? UsageMessages.notAnArgumentChoice(given)
                throw UsageError(message: message, usage: usage)
            }
        }
        return parsed
    }
}

/// The options every command takes, before or after its name.
enum GlobalOptions {
    static let all: [Option] = [
        .value("-C", "DIR", kind: .directory, Text(
            en: "find the project from DIR instead of the current directory\n(it holds vault/ and schemas/, here or above); before or after the command",
            zh: "从 DIR 而不是当前目录查找项目（含 vault/ 和 schemas/ 的目录，\n在 DIR 或其上级）；可写在命令之前或之后")),
        .value("--color", "WHEN", choices: ["auto", "always", "never"], Text(
            en: "colour the output: auto (default: on a terminal, unless NO_COLOR is set;\nCLICOLOR_FORCE=1 forces it), always or never",
            zh: "输出是否着色：auto（默认：输出到终端时着色，设置了 NO_COLOR 则不着色；\nCLICOLOR_FORCE=1 强制着色）、always 或 never")),
        .value("--lang", "LANG", choices: Language.accepted, Text(
            en: "the language of messages, help and text output: zh (中文) or en;\ndefault: VAULT_LANG, else the locale (LC_ALL, LC_MESSAGES, LANG), else en",
            zh: "提示信息、帮助和文本输出的语言：zh（中文）或 en（English）；\n默认取 VAULT_LANG，其次取区域设置（LC_ALL、LC_MESSAGES、LANG），否则为 en")),
        .flag("--help", Text(en: "show the help (of a command, after its name); also -h",
                             zh: "显示帮助（写在命令名之后则显示该命令的帮助）；也可写 -h")),
        .flag("--version", Text(en: "print the version", zh: "显示版本号")),
    ]

    static var messages: [MessageTemplate] { all.map { $0.help.template("cli.help.global.option." + $0.name) } }
}
