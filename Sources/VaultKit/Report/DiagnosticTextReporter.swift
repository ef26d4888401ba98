/// Renders findings for a terminal or a log: `path:line:column: severity: message [rule]`,
/// the source line with a caret under the column, and the fix hint.
public struct DiagnosticTextReporter: Sendable {
    public var color: Bool
    /// How a path is shown: text output names it from the user's directory.
    public var paths: PathDisplay
    /// The language of the messages, hints and summary.
    public var language: Language

    public init(color: Bool, paths: PathDisplay = .projectRelative, language: Language = .en) {
        self.color = color
        self.paths = paths
        self.language = language
    }

    public func render(_ diagnostics: [Diagnostic], files: Int) -> String {
        var out = ""
        for diagnostic in diagnostics { out += render(diagnostic) }
        out += summary(diagnostics, files: files) + "\n"
        return out
    }

    public func render(_ d: Diagnostic) -> String {
        let severity: String = switch d.severity {
        case .error: paint(Self.severityWord(.error, language), "1;31")
        case .warning: paint(Self.severityWord(.warning, language), "1;33")
        case .info: paint(Self.severityWord(.info, language), "1;36")
        }
        // Every piece of user text is escaped (a value, a name, a file name may hold
        // control characters): nothing printed here starts a line or sends an escape.
        var out = "\(paint(Escape.terminal("\(paths(d.location.path)):\(d.location.line):\(d.location.column)"), "1")): \(severity): \(Escape.terminal(d.message.text(language))) \(paint("[\(d.ruleID)]", "2"))\n"
        if let line = d.lineText {
            let number = String(d.location.line)
            let gutter = String(repeating: " ", count: number.count)
            let shown = Escape.terminal(line.replacingTabs())
            out += "\(paint(number, "2")) | \(shown)\n"
            // The excerpt of a long line is a window (from `…`) around the column.
            let characters = line.unicodeScalars.count
            let caret = d.location.column - d.lineTextColumn
            if caret >= 0, caret <= characters {
                // The caret goes under what is shown: an escaped character takes the
                // columns of its escape (`\u{1B}` is six).
                // (A leading `::` is escaped only as a pair, so a one-character prefix of it is taken from the shown line.)
                var before = Escape.terminal(String(String.UnicodeScalarView(line.replacingTabs().unicodeScalars.prefix(caret))))
                if before == ":" && shown.hasPrefix("\\u{3A}") { before = "\\u{3A}" }
                let pad = UTF8Columns.displayWidth(of: before, characters: before.unicodeScalars.count)
                out += "\(gutter) | \(String(repeating: " ", count: pad))\(paint("^", "1;32"))\n"
            }
        }
        if let hint = d.hint { out += Self.hintLine(["hint": .text(Escape.terminal(hint.text(language)))]).text(language) + "\n" }
        return out
    }

    public func summary(_ diagnostics: [Diagnostic], files: Int) -> String {
        let errors = diagnostics.count { $0.severity == .error }
        let warnings = diagnostics.count { $0.severity == .warning }
        let infos = diagnostics.count { $0.severity == .info }
        if diagnostics.isEmpty { return Self.clean(["files": .count(files)]).text(language) }
        let counts: KeyValuePairs<String, MessageArgument> = ["errors": .count(errors), "warnings": .count(warnings), "infos": .count(infos), "files": .count(files)]
        return (infos > 0 ? Self.countsWithInfos(counts) : Self.counts(counts)).text(language)
    }

    /// The severity as the text output says it; the machine formats keep `error`,
    /// `warning`, `info` (or their own words) in every language.
    public static func severityWord(_ severity: Severity, _ language: Language) -> String {
        switch severity {
        case .error: errorWord.text(language)
        case .warning: warningWord.text(language)
        case .info: infoWord.text(language)
        }
    }

    static let errorWord = MessageTemplate("report.severity.error", en: "error", zh: "错误")
    static let warningWord = MessageTemplate("report.severity.warning", en: "warning", zh: "警告")
    static let infoWord = MessageTemplate("report.severity.info", en: "info", zh: "提示")
    /// `  = hint: …`, under a finding and under a refusal of the command line.
    public static let hintLine = MessageTemplate("report.hint", en: "  = hint: {hint}", zh: "  = 提示：{hint}")
    static let clean = MessageTemplate(
        "report.summary.clean", en: "no problems; {files} {files|file|files} checked", zh: "没有问题；共检查 {files} 个文件")
    static let counts = MessageTemplate(
        "report.summary", en: "{errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}; {files} {files|file|files} checked",
        zh: "{errors} 个错误，{warnings} 个警告；共检查 {files} 个文件")
    static let countsWithInfos = MessageTemplate(
        "report.summary.infos",
        en: "{errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}, {infos} {infos|info|infos}; {files} {files|file|files} checked",
        zh: "{errors} 个错误，{warnings} 个警告，{infos} 条提示；共检查 {files} 个文件")

    static let messages = [errorWord, warningWord, infoWord, hintLine, clean, counts, countsWithInfos]

    func paint(_ text: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    /// Tabs shown as one space, so the caret lines up with what the terminal shows.
    func replacingTabs() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? " " : $0 }))
    }
}
