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
            name: "lint", summary: Text(en: "check every file of the vault against its schema and the rules",
                                        zh: "按指标体系和规则检查数据库中的每个文件"),
            options: [
                .value("--format", "FORMAT", choices: ["text", "json", "github", "sarif"], Text(
                    en: "text (default) for people, json for scripts (docs/format.md#lint-output),\ngithub (workflow annotations) or sarif (code scanning); see docs/ci.md",
                    zh: "text（默认）供人阅读，json 供脚本使用（docs/format.md#lint-output），\ngithub（工作流注释）或 sarif（代码扫描）；见 docs/ci.md")),
                .flag("--strict", Text(en: "warnings also make the exit status 1", zh: "有警告时退出状态也为 1")),
                .flag("--no-suppressions", Text(en: "report every finding, as if no vault-allow comment existed",
                                                zh: "报告全部问题，忽略所有 vault-allow 豁免注释")),
                .value("--changed", "BASE", Text(
                    en: "report only the files a change since git revision BASE touches, and\nthe cross-file findings it affects (docs/ci.md)",
                    zh: "只报告自 git 修订版本 BASE 以来改动涉及的文件，\n以及受其影响的跨文件问题（docs/ci.md）")),
                .value("--docs-url", "URL", Text(
                    en: "sarif: the absolute URL of docs/rules.md for each rule's helpUri\n(default: from the git remote origin; none: no helpUri)",
                    zh: "sarif：各规则 helpUri 所用的 docs/rules.md 绝对网址\n（默认取自 git 远程仓库 origin；none：不写 helpUri）")),
            ],
            help: Text(en: """
                Text output names each place as path:line:column from the current directory;
                json, github and sarif name it from the project root.

                exit status: 0 clean, 1 findings, 2 usage or I/O error
                """, zh: """
                文本输出以 path:line:column 标明位置，路径从当前目录算起；
                json、github 和 sarif 的路径从项目根目录算起。

                退出状态：0 无问题，1 有问题，2 用法错误或读写错误
                """),
            run: { i throws(UsageError) in try LintCommand(invocation: i).run() }),
        Command(
            name: "score", summary: Text(en: "the ranked results of a period; --write records them in the vault",
                                         zh: "一个评价期的得分排名；--write 把结果记入数据库"),
            arguments: [Argument(name: "PERIOD", kind: .period, optional: true, help: Text(
                en: "a period id (vault/periods/PERIOD.txt); with --write, all periods when none is given",
                zh: "评价期编号（vault/periods/PERIOD.txt）；用 --write 且不指定时为全部评价期"))],
            options: [
                .value("--format", "FORMAT", choices: ["text", "tsv", "json"], Text(
                    en: "text (default), tsv (rank code name score band) or json",
                    zh: "text（默认）、tsv（排名 编号 名称 得分 档次）或 json")),
                .flag("--write", Text(en: "write each alliance's result line into its period file and\nvault/results/PERIOD.tsv",
                                      zh: "把每个联盟的结果行写入其评价期文件和\nvault/results/PERIOD.tsv")),
            ],
            synopsis: ["score PERIOD [--format text|tsv|json]", "score [PERIOD] --write"],
            run: { i throws(UsageError) in try ScoreCommand(invocation: i).run() }),
        Command(
            name: "explain", summary: Text(en: "how an alliance's score for a period came about",
                                           zh: "说明一个联盟在某评价期的得分是怎样得出的"),
            arguments: [
                Argument(name: "ALLIANCE", kind: .alliance, help: Text(
                    en: "an alliance by id (its directory in vault/alliances), code, full name,\nformer name (an alias line) or short name",
                    zh: "联盟：编号（vault/alliances 下的目录名）、批次编号、全称、\n曾用名（alias 行）或简称")),
                Argument(name: "PERIOD", kind: .period, help: Text(en: "a period id", zh: "评价期编号")),
            ],
            run: { i throws(UsageError) in try ExplainCommand(invocation: i).run() }),
        Command(
            name: "stats", summary: Text(en: "a period's figures: bands, batches, awards, activity totals",
                                         zh: "一个评价期的统计：各档次、各批次、称号、活动合计"),
            arguments: [Argument(name: "PERIOD", kind: .period, help: Text(en: "a period id", zh: "评价期编号"))],
            options: [.value("--format", "FORMAT", choices: ["text", "json"], Text(
                en: "text (default) or json (docs/formats.md)", zh: "text（默认）或 json（docs/formats.md）"))],
            run: { i throws(UsageError) in try StatsCommand(invocation: i).run() }),
        Command(
            name: "report", summary: Text(en: "a period's report, or an alliance's history: text, Markdown, JSON or HTML",
                                          zh: "一个评价期的评价报告，或一个联盟的历年记录：文本、Markdown、JSON 或 HTML"),
            arguments: [Argument(name: "PERIOD", kind: .period, optional: true, help: Text(en: "a period id", zh: "评价期编号"))],
            options: [
                .value("--alliance", "ID", kind: .alliance, Text(
                    en: "instead of a period: the alliance's score, band, rank and awards in\nevery period, with each value's source (by id, code, name, former\nor short name, as in explain)",
                    zh: "不指定评价期，改为列出该联盟在每个评价期的得分、档次、排名和称号，\n并注明每个数值的来源（按编号、批次编号、全称、曾用名或简称查找，\n与 explain 相同）")),
                .value("--format", "FORMAT", choices: ["text", "md", "json", "html"], Text(
                    en: "text (default), md (Markdown), json (docs/report.md) or html\n(one self-contained page with charts)",
                    zh: "text（默认）、md（Markdown）、json（docs/report.md）或 html\n（带图表的独立单页）")),
                .value("--output", "FILE", kind: .path, Text(en: "write to FILE (atomically) instead of standard output",
                                                             zh: "写入 FILE（原子写入），而不是标准输出")),
            ],
            synopsis: ["report PERIOD [--format text|md|json|html] [--output FILE]",
                       "report --alliance ID [--format text|md|json|html] [--output FILE]"],
            run: { i throws(UsageError) in try ReportCommand(invocation: i).run() }),
        Command(
            name: "diff", summary: Text(en: "what a change moves: scores, bands, ranks, awards, and why",
                                        zh: "一处改动带来的变化：得分、档次、排名、称号，以及原因"),
            arguments: [
                Argument(name: "BASE", optional: true, help: Text(
                    en: "git revisions; `.` is the working tree. Default: the merge base\nwith the default branch, against the working tree",
                    zh: "git 修订版本；`.` 表示工作区。默认：与默认分支的合并基点\n对比工作区")),
                Argument(name: "HEAD", optional: true),
            ],
            options: [
                .value("--format", "FORMAT", choices: ["text", "md", "json"], Text(
                    en: "text (default), md (a pull-request comment) or json",
                    zh: "text（默认）、md（拉取请求评论）或 json")),
                .value("--author", "HANDLE", Text(
                    en: "the change's author (a handle such as @zhang): flag the files\nthey changed that belong to someone else (docs/ci.md)",
                    zh: "改动的作者（如 @zhang）：标出其改动的、\n由他人维护的文件（docs/ci.md）")),
                .value("--max-length", "N", Text(
                    en: "with md: at most N characters (GitHub allows 65,536); whole rows\nand entries are kept in order and a last line says what was left out",
                    zh: "用于 md：最多 N 个字符（GitHub 上限 65,536）；按顺序保留完整的行\n和条目，末行说明略去了什么")),
            ],
            synopsis: ["diff [BASE [HEAD]] [--format text|md|json] [--author HANDLE] [--max-length N]"],
            run: { i throws(UsageError) in try DiffCommand(invocation: i).run() }),
        Command(
            name: "period new", summary: Text(en: "open an evaluation period: its file and every alliance's record file",
                                              zh: "开启一个评价期：生成评价期文件和每个联盟的记录文件"),
            arguments: [Argument(name: "ID", help: Text(
                en: "the period id: YYYY, or YYYY-YYYY for several years (the years of --start and --end)",
                zh: "评价期编号：YYYY，跨年的写 YYYY-YYYY（即 --start 和 --end 的年份）"))],
            options: [
                .value("--start", "YYYY-MM-DD", Text(en: "the period's first day", zh: "评价期的第一天")),
                .value("--end", "YYYY-MM-DD", Text(en: "the period's last day", zh: "评价期的最后一天")),
                .value("--schema", "ID", kind: .schema, Text(
                    en: "the indicator schema (default: that of --from, else of the latest period)",
                    zh: "指标体系（默认沿用 --from 的，否则沿用最近一个评价期的）")),
                .value("--from", "PERIOD", kind: .period, Text(
                    en: "the period to take the schema, review threshold, expert panel and\nsecretariat from (default: schema and threshold of the latest period, no panel)",
                    zh: "从哪个评价期沿用指标体系、复核阈值、评价专家组和秘书处\n（默认：沿用最近一个评价期的指标体系和阈值，不设专家组）")),
            ],
            synopsis: ["period new ID --start YYYY-MM-DD --end YYYY-MM-DD [--schema ID] [--from PERIOD]"],
            help: Text(en: """
                Writes vault/periods/ID.txt, with the roster counted from the vault, and
                vault/alliances/*/ID.txt with `participation status=open` for every alliance.

                exit status: 0 written, 2 refused (nothing written)
                """, zh: """
                写出 vault/periods/ID.txt（参评名单按数据库统计），并为每个联盟写出
                vault/alliances/*/ID.txt，其中为 `participation status=open`。

                退出状态：0 已写出，2 拒绝执行（未写任何文件）
                """),
            run: { i throws(UsageError) in try PeriodCommand(invocation: i).run() }),
        Command(
            name: "fmt", summary: Text(en: "rewrite files in canonical form (--check: only report)",
                                       zh: "把文件改写为规范格式（--check：只报告）"),
            arguments: [Argument(name: "PATHS", kind: .path, repeats: true, help: Text(
                en: "files or directories, from the current directory (default: the whole vault)",
                zh: "文件或目录，从当前目录算起（默认：整个数据库）"))],
            options: [.flag("--check", Text(en: "change nothing; list the files that are not in canonical form and exit 1",
                                            zh: "不做改动；列出不符合规范格式的文件，退出状态为 1"))],
            run: { i throws(UsageError) in try FmtCommand(invocation: i).run() }),
        Command(
            name: "codeowners", summary: Text(en: "write CODEOWNERS from the vault's maintainers, experts and secretariat",
                                              zh: "根据数据库中的维护人、专家和秘书处写出 CODEOWNERS"),
            options: [
                .value("--output", "FILE", kind: .path, Text(en: "where to write (default: CODEOWNERS at the project root)",
                                                             zh: "写到哪里（默认：项目根目录下的 CODEOWNERS）")),
                .flag("--check", Text(en: "write nothing; exit 1 if the file is missing or out of date",
                                      zh: "不写文件；文件缺失或已过时则退出状态为 1")),
            ],
            run: { i throws(UsageError) in try CodeownersCommand(invocation: i).run() }),
        Command(
            name: "review assign", summary: Text(en: "give each expert the review lines they owe at a stage",
                                                 zh: "为每位专家写出其在某评审阶段应填的评审行"),
            arguments: [Argument(name: "PERIOD", kind: .period, help: Text(en: "a period id", zh: "评价期编号"))],
            options: [.value("--stage", "STAGE", choices: ["initial", "cross", "recheck"], Text(
                en: "initial: each alliance to be evaluated by the experts of its group\ncross: by the experts of the other group (after the initial stage)\nrecheck: where initial and cross differ by more than the threshold",
                zh: "initial：分组初评，每个参评联盟由本组专家评审\ncross：交叉会评，由另一组专家评审（在初评之后）\nrecheck：复核，初评与交叉会评得分相差超过阈值的联盟"))],
            synopsis: ["review assign PERIOD --stage initial|cross|recheck"],
            help: ReviewAssignCommand.help,
            run: { i throws(UsageError) in try ReviewAssignCommand(invocation: i).run() }),
        Command(
            name: "status", summary: Text(en: "what is left before a period can be published",
                                          zh: "一个评价期发布之前还差什么"),
            arguments: [Argument(name: "PERIOD", kind: .period, optional: true, help: Text(
                en: "a period id (default: the period that starts last)", zh: "评价期编号（默认：开始最晚的评价期）"))],
            options: [.value("--format", "FORMAT", choices: ["text", "json"], Text(
                en: "text (default) or json (docs/cycle.md)", zh: "text（默认）或 json（docs/cycle.md）"))],
            help: StatusCommand.help,
            run: { i throws(UsageError) in try StatusCommand(invocation: i).run() }),
        Command(
            name: "rules", summary: Text(en: "list the lint rules (--markdown: the docs/rules.md catalogue)",
                                         zh: "列出检查规则（--markdown：docs/rules.md 规则目录）"),
            options: [.flag("--markdown", Text(en: "print the full catalogue with examples (docs/rules.md)",
                                               zh: "输出带示例的完整规则目录（docs/rules.md）"))],
            project: false,
            run: { i throws(UsageError) in try RulesCommand(invocation: i).run() }),
        Command(
            name: "schema", summary: Text(en: "print a schema as the tool reads it (core: the built-in kinds)",
                                          zh: "按本工具的理解输出一个指标体系（core：内置记录类型）"),
            arguments: [Argument(name: "ID", kind: .schema, help: Text(
                en: "a schema in schemas/ (without .txt), or \"core\" for the built-in kinds",
                zh: "schemas/ 中的指标体系（不带 .txt），或 \"core\" 表示内置记录类型"))],
            run: { i throws(UsageError) in try SchemaCommand(invocation: i).run() }),
        Command(
            name: "completion", summary: Text(en: "print a shell completion script (bash, zsh or fish)",
                                              zh: "输出 shell 补全脚本（bash、zsh 或 fish）"),
            arguments: [Argument(name: "SHELL", choices: ["bash", "zsh", "fish"], help: Text(en: "bash, zsh or fish", zh: "bash、zsh 或 fish"))],
            help: Text(en: """
                The script completes commands, options and their values, and the project's
                periods, alliances and schemas, read when you press Tab. To install:
                  bash   vault completion bash > ~/.local/share/bash-completion/completions/vault
                  zsh    vault completion zsh > "${fpath[1]}/_vault"
                  fish   vault completion fish > ~/.config/fish/completions/vault.fish
                """, zh: """
                脚本可补全命令、选项及其取值，以及项目中的评价期、联盟和指标体系
                （按 Tab 键时读取）。安装方法：
                  bash   vault completion bash > ~/.local/share/bash-completion/completions/vault
                  zsh    vault completion zsh > "${fpath[1]}/_vault"
                  fish   vault completion fish > ~/.config/fish/completions/vault.fish
                """),
            project: false,
            run: { i throws(UsageError) in
                Terminal.write(Completion.script(for: i.positionals[0]))
                return .clean
            }),
        Command(
            name: "lsp", summary: Text(en: "the language server for editors, on standard input and output",
                                       zh: "供编辑器使用的语言服务器（经标准输入输出通信）"),
            help: LSPCommand.help,
            run: { i throws(UsageError) in try LSPCommand(invocation: i).run() }),
        Command(
            name: "man", summary: Text(en: "print the manual page (roff; docs/vault.1)", zh: "输出手册页（roff 格式；docs/vault.1，英文）"),
            help: Text(en: "Read it with `vault man | man -l -`.", zh: "用 `vault man | man -l -` 阅读。手册页只有英文版。"),
            project: false,
            run: { _ throws(UsageError) in
                Terminal.write(ManPage.roff())
                return .clean
            }),
        Command(
            name: "help", summary: Text(en: "show the help, or a command's help", zh: "显示帮助，或某个命令的帮助"),
            arguments: [Argument(name: "COMMAND", kind: .command, repeats: true, help: Text(
                en: "a command (for a subcommand, both words)", zh: "命令名（子命令写两个词）"))],
            project: false,
            run: { i throws(UsageError) in
                guard !i.positionals.isEmpty else {
                    Terminal.write(CommandLineTool.usage)
                    return .clean
                }
                let command = try Commands.find(i.positionals)
                guard command.words.count == i.positionals.count else {
                    throw UsageError(message: UsageMessages.unexpectedArgument(["argument": .text(i.positionals[command.words.count])]), usage: "")
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
                throw UsageError(message: UsageMessages.needsSubcommand(["group": .text(words[0]), "subcommands": .list(subcommands)]),
                                 usage: group.map(\.usage).joined(separator: "\n"))
            }
            let guess = Suggest.closest(to: words[1], in: subcommands).map { words[0] + " " + $0 }
            throw UsageError(message: unknown(words[0] + " " + words[1], guess: guess), usage: CommandLineTool.usage)
        }
        let names = Array(Set(all.filter { !$0.hidden }.map { $0.words[0] })).sorted()
        throw UsageError(message: unknown(words[0], guess: Suggest.closest(to: words[0], in: names)), usage: CommandLineTool.usage)
    }

    /// "unknown command", with the closest command when there is one.
    static func unknown(_ command: String, guess: String?) -> Message {
        guard let guess else { return UsageMessages.unknownCommand(["command": .text(command)]) }
        return UsageMessages.unknownCommandGuess(["command": .text(command), "guess": .text(guess)])
    }
}
