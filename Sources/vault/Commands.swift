import VaultKit

/// Every command of `vault`, in the order the help lists them. One entry drives
/// dispatch, `vault COMMAND --help`, `vault help COMMAND`, shell completion and the
/// man page (docs/vault.1).
///
/// To add a command, add one entry here:
///
///     Command(
///         name: "review assign",                       // two words: a subcommand
///         summary: "give a period's alliances to its experts for a stage",
///         arguments: [Argument(name: "PERIOD", kind: .period, help: "a period id")],
///         options: [.value("--stage", "STAGE", choices: ["initial", "cross", "recheck"], "which review")],
///         run: { i throws(UsageError) in try ReviewAssignCommand(invocation: i).run() }),
///
/// The handler gets the parsed `Invocation` (`directory` from -C, `flags`,
/// `values`, `positionals`, `color`, `paths(root:)` for printing file names);
/// the registry has already refused unknown options, values outside `choices`
/// and extra arguments, and answered "which period?" for a missing `.period`
/// argument. Then regenerate the manual: `swift run vault man > docs/vault.1`,
/// and add the command to README's usage (both are checked by CLIHabitsTests).
enum Commands {
    static let all: [Command] = [
        Command(
            name: "lint", summary: "check every file of the vault against its schema and the rules",
            options: [
                .value("--format", "FORMAT", choices: ["text", "json", "github", "sarif"],
                       "text (default) for people, json for scripts (docs/format.md#lint-output),\ngithub (workflow annotations) or sarif (code scanning); see docs/ci.md"),
                .flag("--strict", "warnings also make the exit status 1"),
                .flag("--no-suppressions", "report every finding, as if no vault-allow comment existed"),
                .value("--changed", "BASE", "report only the files a change since git revision BASE touches, and\nthe cross-file findings it affects (docs/ci.md)"),
                .value("--docs-url", "URL", "sarif: the absolute URL of docs/rules.md for each rule's helpUri\n(default: from the git remote origin; none: no helpUri)"),
            ],
            help: """
                Text output names each place as path:line:column from the current directory;
                json, github and sarif name it from the project root.

                exit status: 0 clean, 1 findings, 2 usage or I/O error
                """,
            run: { i throws(UsageError) in try LintCommand(invocation: i).run() }),
        Command(
            name: "score", summary: "the ranked results of a period; --write records them in the vault",
            arguments: [Argument(name: "PERIOD", kind: .period, optional: true, help: "a period id (vault/periods/PERIOD.txt); with --write, all periods when none is given")],
            options: [
                .value("--format", "FORMAT", choices: ["text", "tsv", "json"], "text (default), tsv (rank code name score band) or json"),
                .flag("--write", "write each alliance's result line into its period file and\nvault/results/PERIOD.tsv"),
            ],
            synopsis: ["score PERIOD [--format text|tsv|json]", "score [PERIOD] --write"],
            run: { i throws(UsageError) in try ScoreCommand(invocation: i).run() }),
        Command(
            name: "explain", summary: "how an alliance's score for a period came about",
            arguments: [
                Argument(name: "ALLIANCE", kind: .alliance, help: "an alliance by id (its directory in vault/alliances), code, full name,\nformer name (an alias line) or short name"),
                Argument(name: "PERIOD", kind: .period, help: "a period id"),
            ],
            run: { i throws(UsageError) in try ExplainCommand(invocation: i).run() }),
        Command(
            name: "stats", summary: "a period's figures: bands, batches, awards, activity totals",
            arguments: [Argument(name: "PERIOD", kind: .period, help: "a period id")],
            options: [.value("--format", "FORMAT", choices: ["text", "json"], "text (default) or json (docs/formats.md)")],
            run: { i throws(UsageError) in try StatsCommand(invocation: i).run() }),
        Command(
            name: "report", summary: "a period's report, or an alliance's history: text, Markdown, JSON or HTML",
            arguments: [Argument(name: "PERIOD", kind: .period, optional: true, help: "a period id")],
            options: [
                .value("--alliance", "ID", kind: .alliance, "instead of a period: the alliance's score, band, rank and awards in\nevery period, with each value's source (by id, code, name, former\nor short name, as in explain)"),
                .value("--format", "FORMAT", choices: ["text", "md", "json", "html"], "text (default), md (Markdown), json (docs/report.md) or html\n(one self-contained page with charts)"),
                .value("--output", "FILE", kind: .path, "write to FILE (atomically) instead of standard output"),
            ],
            synopsis: ["report PERIOD [--format text|md|json|html] [--output FILE]",
                       "report --alliance ID [--format text|md|json|html] [--output FILE]"],
            run: { i throws(UsageError) in try ReportCommand(invocation: i).run() }),
        Command(
            name: "diff", summary: "what a change moves: scores, bands, ranks, awards, and why",
            arguments: [
                Argument(name: "BASE", optional: true, help: "git revisions; `.` is the working tree. Default: the merge base\nwith the default branch, against the working tree"),
                Argument(name: "HEAD", optional: true),
            ],
            options: [
                .value("--format", "FORMAT", choices: ["text", "md", "json"], "text (default), md (a pull-request comment) or json"),
                .value("--author", "HANDLE", "the change's author (a handle such as @zhang): flag the files\nthey changed that belong to someone else (docs/ci.md)"),
                .value("--max-length", "N", "with md: at most N characters (GitHub allows 65,536); whole rows\nand entries are kept in order and a last line says what was left out"),
            ],
            synopsis: ["diff [BASE [HEAD]] [--format text|md|json] [--author HANDLE] [--max-length N]"],
            run: { i throws(UsageError) in try DiffCommand(invocation: i).run() }),
        Command(
            name: "period new", summary: "open an evaluation period: its file and every alliance's record file",
            arguments: [Argument(name: "ID", help: "the period id: YYYY, or YYYY-YYYY for several years (the years of --start and --end)")],
            options: [
                .value("--start", "YYYY-MM-DD", "the period's first day"),
                .value("--end", "YYYY-MM-DD", "the period's last day"),
                .value("--schema", "ID", kind: .schema, "the indicator schema (default: that of --from, else of the latest period)"),
                .value("--from", "PERIOD", kind: .period, "the period to take the schema, review threshold, expert panel and\nsecretariat from (default: schema and threshold of the latest period, no panel)"),
            ],
            synopsis: ["period new ID --start YYYY-MM-DD --end YYYY-MM-DD [--schema ID] [--from PERIOD]"],
            help: """
                Writes vault/periods/ID.txt, with the roster counted from the vault, and
                vault/alliances/*/ID.txt with `participation status=open` for every alliance.

                exit status: 0 written, 2 refused (nothing written)
                """,
            run: { i throws(UsageError) in try PeriodCommand(invocation: i).run() }),
        Command(
            name: "fmt", summary: "rewrite files in canonical form (--check: only report)",
            arguments: [Argument(name: "PATHS", kind: .path, repeats: true, help: "files or directories, from the current directory (default: the whole vault)")],
            options: [.flag("--check", "change nothing; list the files that are not in canonical form and exit 1")],
            run: { i throws(UsageError) in try FmtCommand(invocation: i).run() }),
        Command(
            name: "codeowners", summary: "write CODEOWNERS from the vault's maintainers, experts and secretariat",
            options: [
                .value("--output", "FILE", kind: .path, "where to write (default: CODEOWNERS at the project root)"),
                .flag("--check", "write nothing; exit 1 if the file is missing or out of date"),
            ],
            run: { i throws(UsageError) in try CodeownersCommand(invocation: i).run() }),
        Command(
            name: "review assign", summary: "give each expert the review lines they owe at a stage",
            arguments: [Argument(name: "PERIOD", kind: .period, help: "a period id")],
            options: [.value("--stage", "STAGE", choices: ["initial", "cross", "recheck"],
                             "initial: each alliance to be evaluated by the experts of its group\ncross: by the experts of the other group (after the initial stage)\nrecheck: where initial and cross differ by more than the threshold")],
            synopsis: ["review assign PERIOD --stage initial|cross|recheck"],
            help: ReviewAssignCommand.help,
            run: { i throws(UsageError) in try ReviewAssignCommand(invocation: i).run() }),
        Command(
            name: "status", summary: "what is left before a period can be published",
            arguments: [Argument(name: "PERIOD", kind: .period, optional: true, help: "a period id (default: the period that starts last)")],
            options: [.value("--format", "FORMAT", choices: ["text", "json"], "text (default) or json (docs/cycle.md)")],
            help: StatusCommand.help,
            run: { i throws(UsageError) in try StatusCommand(invocation: i).run() }),
        Command(
            name: "rules", summary: "list the lint rules (--markdown: the docs/rules.md catalogue)",
            options: [.flag("--markdown", "print the full catalogue with examples (docs/rules.md)")],
            project: false,
            run: { i throws(UsageError) in try RulesCommand(invocation: i).run() }),
        Command(
            name: "schema", summary: "print a schema as the tool reads it (core: the built-in kinds)",
            arguments: [Argument(name: "ID", kind: .schema, help: "a schema in schemas/ (without .txt), or \"core\" for the built-in kinds")],
            run: { i throws(UsageError) in try SchemaCommand(invocation: i).run() }),
        Command(
            name: "completion", summary: "print a shell completion script (bash, zsh or fish)",
            arguments: [Argument(name: "SHELL", choices: ["bash", "zsh", "fish"], help: "bash, zsh or fish")],
            help: """
                The script completes commands, options and their values, and the project's
                periods, alliances and schemas, read when you press Tab. To install:
                  bash   vault completion bash > ~/.local/share/bash-completion/completions/vault
                  zsh    vault completion zsh > "${fpath[1]}/_vault"
                  fish   vault completion fish > ~/.config/fish/completions/vault.fish
                """,
            project: false,
            run: { i throws(UsageError) in
                Terminal.write(Completion.script(for: i.positionals[0]))
                return .clean
            }),
        Command(
            name: "man", summary: "print the manual page (roff; docs/vault.1)",
            help: "Read it with `vault man | man -l -`.",
            project: false,
            run: { _ throws(UsageError) in
                Terminal.write(ManPage.roff())
                return .clean
            }),
        Command(
            name: "help", summary: "show the help, or a command's help",
            arguments: [Argument(name: "COMMAND", kind: .command, repeats: true, help: "a command (for a subcommand, both words)")],
            project: false,
            run: { i throws(UsageError) in
                guard !i.positionals.isEmpty else {
                    Terminal.write(CommandLineTool.usage)
                    return .clean
                }
                let command = try Commands.find(i.positionals)
                guard command.words.count == i.positionals.count else {
                    throw UsageError(message: "unexpected argument \"\(i.positionals[command.words.count])\"", usage: "")
                }
                Terminal.write(command.usage)
                return .clean
            }),
    ]

    /// A command's help, by name.
    static func usage(of name: String) -> String { all.first { $0.name == name }?.usage ?? CommandLineTool.usage }

    /// The command the words name (the longest match, for subcommands), or a usage
    /// error with the closest command.
    static func find(_ words: [String]) throws(UsageError) -> Command {
        let matches = all.filter { !$0.hidden && Array(words.prefix($0.words.count)) == $0.words }
        if let best = matches.max(by: { $0.words.count < $1.words.count }) { return best }
        // A group's first word ("period") with a missing or unknown second word.
        let group = all.filter { !$0.hidden && $0.words.count > 1 && $0.words[0] == words[0] }
        if !group.isEmpty {
            let subcommands = group.map { $0.words[1] }
            // `vault period` or `vault period --help`: the group's own usages say what follows.
            guard words.count > 1, !words[1].hasPrefix("-") else {
                throw UsageError(message: "vault \(words[0]) needs a subcommand: \(subcommands.joined(separator: ", "))",
                                 usage: group.map(\.usage).joined(separator: "\n"))
            }
            let guess = Suggest.closest(to: words[1], in: subcommands).map { "; did you mean \"\(words[0]) \($0)\"?" } ?? ""
            throw UsageError(message: "unknown command \"\(words[0]) \(words[1])\"\(guess)", usage: CommandLineTool.usage)
        }
        let names = Array(Set(all.filter { !$0.hidden }.map { $0.words[0] })).sorted()
        let guess = Suggest.closest(to: words[0], in: names).map { "; did you mean \"\($0)\"?" } ?? ""
        throw UsageError(message: "unknown command \"\(words[0])\"\(guess)", usage: CommandLineTool.usage)
    }
}
