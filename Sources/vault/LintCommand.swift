import VaultKit

/// `vault lint`: every finding in one run, sorted; exit 0 clean, 1 findings, 2 usage or I/O error.
struct LintCommand {
    static let options = OptionSpec(
        flags: ["--strict", "--no-suppressions"],
        valued: ["--format": ["text", "json", "github", "sarif"], "--changed": []],
        usage: """
            usage: vault [-C DIR] lint [--format text|json|github|sarif] [--strict] [--no-suppressions] [--changed BASE]

              --format             text (default) for people, json for scripts (docs/format.md#lint-output),
                                   github (workflow annotations) or sarif (code scanning); see docs/ci.md
              --changed BASE       report only the files a change since git revision BASE touches, and
                                   the cross-file findings it affects (docs/ci.md)
              --strict             warnings also make the exit status 1
              --no-suppressions    report every finding, as if no vault-allow comment existed

            exit status: 0 clean, 1 findings, 2 usage or I/O error

            """)

    var directory: String?
    var arguments: [String]

    func run() throws(UsageError) -> ExitStatus {
        let parsed = try Self.options.parse(arguments)
        guard let fs = openProject(directory) else { return .usage }
        let options = Linter.Options(suppressions: !parsed.flags.contains("--no-suppressions"))
        let result: Linter.Result
        if let base = parsed.values["--changed"] {
            do throws(Git.Failure) {
                result = try ChangeScope.lint(fs, since: base, options: options)
            } catch {
                Terminal.failure(error.message)
                return .usage
            }
        } else {
            result = keptUntilExit(Linter.lint(fs, options: options))
        }
        switch parsed.values["--format"] ?? "text" {
        case "json":
            Terminal.write(DiagnosticJSONReporter.render(result.diagnostics, files: result.files))
        case "github":
            Terminal.write(GitHubReporter.render(result.diagnostics, files: result.files))
        case "sarif":
            Terminal.write(SARIFReporter.render(result.diagnostics, version: CommandLineTool.version))
        default:
            Terminal.write(DiagnosticTextReporter(color: Terminal.colorOnStdout).render(result.diagnostics, files: result.files))
        }
        let failing = result.count(.error) > 0 || (parsed.flags.contains("--strict") && result.count(.warning) > 0)
        return failing ? .findings : .clean
    }
}

/// `vault rules`: the rule catalogue.
struct RulesCommand {
    static let options = OptionSpec(
        flags: ["--markdown"],
        usage: """
            usage: vault rules [--markdown]

              --markdown   print the full catalogue with examples (docs/rules.md)

            """)

    var arguments: [String]

    func run() throws(UsageError) -> ExitStatus {
        let parsed = try Self.options.parse(arguments)
        if parsed.flags.contains("--markdown") {
            Terminal.write(RulesCatalogue.markdown())
        } else {
            let width = Rules.all.map { $0.description.id.count }.max() ?? 0
            for rule in Rules.all {
                let d = rule.description
                let pad = String(repeating: " ", count: width - d.id.count)
                Terminal.write("\(d.id)\(pad)  \(d.severity.rawValue.padding(7))  \(d.summary)\n")
            }
        }
        return .clean
    }
}

/// `vault schema ID`: a schema's kinds and fields as the tool reads them.
struct SchemaCommand {
    static let options = OptionSpec(
        positionals: 1...1,
        usage: """
            usage: vault [-C DIR] schema ID

              ID   a schema in schemas/ (without .txt), or "core" for the built-in kinds

            """)

    var directory: String?
    var arguments: [String]

    func run() throws(UsageError) -> ExitStatus {
        let parsed = try Self.options.parse(arguments)
        let id = parsed.positionals[0]
        if id == "core" {
            Terminal.write(CoreSchema.text)
            return .clean
        }
        guard let fs = openProject(directory) else { return .usage }
        let loaded = Loader.load(fs)
        guard let schema = loaded.vault.schemas[id] else {
            let known = loaded.vault.schemas.keys.sorted()
            let guess = Suggest.closest(to: id, in: known).map { "; did you mean \"\($0)\"?" } ?? ""
            Terminal.error("vault: " + Escape.terminal("no schema \"\(id)\" in schemas/\(guess) (known: \(known.joined(separator: ", ")), core)") + "\n")
            return .usage
        }
        Terminal.write(SchemaPrinter.text(schema))
        return .clean
    }
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
