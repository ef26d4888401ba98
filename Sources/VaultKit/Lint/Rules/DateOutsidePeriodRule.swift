/// A dated record outside its period's start and end.
public enum DateOutsidePeriodRule: FileRule {
    public static let description = RuleDescription(
        id: "date-outside-period",
        summary: "a dated record falls outside its period",
        rationale: "an activity counts for the period it happened in; a record filed under the wrong period would be scored there",
        summaryZH: "带日期的记录不在所属评价期之内",
        rationaleZH: "活动计入它发生时所在的评价期；放错评价期的记录会在那个评价期被计分",
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
                outside(["date": .text("\(date)"), "period": .text(periodID), "start": .text("\(start)"), "end": .text("\(end)")]),
                hint: moveOrCorrect()))
        }
        return found
    }

    static let outside = MessageTemplate(
        "date-outside-period.date", en: "{date} is outside period {period} ({start} to {end})",
        zh: "日期 {date} 不在评价期 {period}（{start} 至 {end}）之内")
    static let moveOrCorrect = MessageTemplate(
        "date-outside-period.date.hint", en: "move the record to the file of the period it happened in, or correct the date",
        zh: "请把这条记录移到它实际所属评价期的文件中，或更正日期")

    public static let messages = [outside, moveOrCorrect]
}
