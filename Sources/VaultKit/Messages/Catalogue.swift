/// Every message `VaultKit` says, from the declarations next to the code that says
/// them: the rules' findings and hints, the loader's, the writers' refusals, the text
/// outputs' labels. The executable's usage and help texts are listed by
/// `vault __catalogue`. Tests check each id is unique, each text is there in both
/// languages with the same placeholders, and every finding of the rules' examples
/// says a message of this list.
public enum Catalogue {
    public static var all: [MessageTemplate] {
        var all = Language.messages + Linter.messages + Suggest.messages + Owners.messages + FileSystemError.messages
        all += AtomicFile.messages + FormatRun.messages + OutOfMemory.messages
        for rule in Rules.all { all += rule.messages }
        all += ReviewEligibility.messages + CycleRefusal.messages
        all += DiagnosticTextReporter.messages + GitHubReporter.messages
        all += ScoreTable.messages + ExplainReport.messages + StatsReport.messages
        all += CycleStatusReport.messages + ReviewAssignReport.messages
        all += DiffReport.messages + Clauses.messages
        all += Git.messages + UnknownPeriod.messages
        return all
    }

    public static func template(_ id: String) -> MessageTemplate? { all.first { $0.id == id } }
}
