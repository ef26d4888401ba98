import VaultKit

/// `vault lint`: every finding in one run, sorted; exit 0 clean, 1 findings, 2 usage or I/O error.
struct LintCommand {
    var invocation: Invocation
    var directory: String? { invocation.directory }

    func run() throws(UsageError) -> ExitStatus {
        let parsed = invocation
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
            Terminal.write(DiagnosticTextReporter(color: invocation.color, paths: invocation.paths(root: fs.root)).render(result.diagnostics, files: result.files))
        }
        let failing = result.count(.error) > 0 || (parsed.flags.contains("--strict") && result.count(.warning) > 0)
        return failing ? .findings : .clean
    }
}

/// `vault rules`: the rule catalogue.
struct RulesCommand {
    var invocation: Invocation

    func run() throws(UsageError) -> ExitStatus {
        let parsed = invocation
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
    var invocation: Invocation
    var directory: String? { invocation.directory }

    func run() throws(UsageError) -> ExitStatus {
        let parsed = invocation
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
