/// A dated record outside its period's start and end.
public enum DateOutsidePeriodRule: FileRule {
    public static let description = RuleDescription(
        id: "date-outside-period",
        summary: "a dated record falls outside its period",
        rationale: "an activity counts for the period it happened in; a record filed under the wrong period would be scored there",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "↓2022-12-31 meeting type=council title=A\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-01-01 meeting type=council title=A\n2023-12-31 meeting type=secretariat title=B\n"),
        ])

    public static func check(_ file: BoundFile, in vault: Vault) -> [Diagnostic] {
        let periodID = file.stem
        guard let period = vault.periods[periodID], let start = period.start, let end = period.end else { return [] }
        var found: [Diagnostic] = []
        for record in file.records {
            guard let date = record.date, date < start || end < date else { continue }
            let line = file.rawLine(of: record)
            found.append(file.site(record).diagnostic(description, at: Int(line.date!.start),
                "\(date) is outside period \(periodID) (\(start) to \(end))",
                hint: "move the record to the file of the period it happened in, or correct the date"))
        }
        return found
    }
}
