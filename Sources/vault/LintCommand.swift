import VaultKit

/// `vault lint`: every finding in one run, sorted; exit 0 clean, 1 findings, 2 usage or I/O error.
struct LintCommand {
    var invocation: Invocation
    var directory: String? { invocation.directory }

    func run() throws(UsageError) -> ExitStatus {
        let parsed = invocation
        if let url = parsed.values["--docs-url"], !Self.isAbsoluteURL(url) {
            throw UsageError(message: Self.notAbsolute(["url": .text(Escape.terminal(url))]), usage: Commands.usage(of: "lint"))
        }
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
            Terminal.write(DiagnosticJSONReporter.render(result.diagnostics, files: result.files, language: invocation.language))
        case "github":
            Terminal.write(GitHubReporter.render(result.diagnostics, files: result.files, language: invocation.language))
        case "sarif":
            let rulesURL = parsed.values["--docs-url"] ?? (try? Git(directory: fs.root).run(["remote", "get-url", "origin"]))
                .flatMap { SARIFReporter.rulesURL(fromRemote: String(decoding: $0, as: UTF8.self)) }
            Terminal.write(SARIFReporter.render(result.diagnostics, version: CommandLineTool.version, rulesURL: rulesURL, language: invocation.language))
        default:
            Terminal.write(DiagnosticTextReporter(color: invocation.color, paths: invocation.paths(root: fs.root), language: invocation.language).render(result.diagnostics, files: result.files))
        }
        let failing = result.count(.error) > 0 || (parsed.flags.contains("--strict") && result.count(.warning) > 0)
        return failing ? .findings : .clean
    }
}

extension LintCommand {
    static let notAbsolute = MessageTemplate(
        "cli.lint.docs-url", en: "--docs-url needs an absolute URL such as https://example.org/docs/rules.md, not \"{url}\"",
        zh: "--docs-url 要写绝对网址，如 https://example.org/docs/rules.md，不能是“{url}”")
    static let messages = [notAbsolute]

    /// `scheme:rest` (RFC 3986) in printable ASCII with no fragment and nothing a URI
    /// cannot hold unencoded.
    static func isAbsoluteURL(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let colon = bytes.firstIndex(of: 0x3A), colon > 0, colon < bytes.count - 1,
              bytes[0] >= 0x41 && bytes[0] <= 0x5A || bytes[0] >= 0x61 && bytes[0] <= 0x7A else { return false }
        let schemeOK = bytes[..<colon].allSatisfy { b in
            b >= 0x41 && b <= 0x5A || b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 || b == 0x2B || b == 0x2D || b == 0x2E
        }
        return schemeOK && bytes.allSatisfy { b in b > 0x20 && b < 0x7F && !Array("#\"<>\\^`{|}".utf8).contains(b) }
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
            Terminal.write(RulesCatalogue.text(Terminal.language))
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
            let message = Suggest.closest(to: id, in: known).map {
                Self.noSchemaGuess(["schema": .text(id), "guess": .text($0), "known": .list(known + ["core"])])
            } ?? Self.noSchema(["schema": .text(id), "known": .list(known + ["core"])])
            Terminal.failure(message)
            return .usage
        }
        Terminal.write(SchemaPrinter.text(schema))
        return .clean
    }

    static let noSchema = MessageTemplate(
        "cli.schema.unknown", en: "no schema \"{schema}\" in schemas/ (known: {known})",
        zh: "schemas/ 中没有指标体系“{schema}”（现有：{known}）")
    static let noSchemaGuess = MessageTemplate(
        "cli.schema.unknown.guess", en: "no schema \"{schema}\" in schemas/; did you mean \"{guess}\"? (known: {known})",
        zh: "schemas/ 中没有指标体系“{schema}”，是不是要用“{guess}”？（现有：{known}）")
    static let messages = [noSchema, noSchemaGuess]
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
