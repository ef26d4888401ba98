/// The same record twice in one file, or a second record of a kind that may
/// appear once (`alliance`, `period`).
public enum DuplicateRecordRule: FileRule {
    public static let description = RuleDescription(
        id: "duplicate-record",
        summary: "a record appears twice in one file",
        rationale: "a record entered twice would be counted twice; when the source itself repeats a row, acknowledge it with a suppression",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A\n↓2023-03-01 meeting title=A  type=council\n"),
            RuleExample("vault/alliances/示例/alliance.txt", "alliance code=110 batch=1 name=示例\n↓alliance code=111 batch=1 name=示例二\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A\n2023-03-02 meeting type=council title=A\n"),
        ])

    public static func check(_ file: BoundFile, in vault: Vault) -> [Diagnostic] {
        var firstOfUniqueKind: [Int32: Int] = [:]
        let unique = file.table.kinds.map(\.unique)
        var found: [Diagnostic] = []
        // Records sorted by identity (then position): equal records sit next to each other.
        // One sort, where a dictionary of index lists cost an allocation per record.
        var keyed: [(identity: UInt64, index: Int)] = []
        keyed.reserveCapacity(file.records.count)
        for (index, record) in file.records.enumerated() {
            if unique[Int(record.kind)] {
                let line = file.rawLine(of: record)
                if let first = firstOfUniqueKind[record.kind] {
                    let kind = file.kindID(of: record)
                    found.append(file.site(record).diagnostic(description, at: Int(line.kind.start),
                        "a second \"\(kind)\" record (the first is on line \(first))",
                        hint: "a file holds one \"\(kind)\" record; merge the two lines"))
                } else {
                    firstOfUniqueKind[record.kind] = Int(line.number)
                }
            } else {
                keyed.append((record.identity, index))
            }
        }
        keyed.sort { $0.identity != $1.identity ? $0.identity < $1.identity : $0.index < $1.index }
        var groupStart = 0
        for position in keyed.indices {
            if keyed[position].identity != keyed[groupStart].identity { groupStart = position }
            let record = file.records[keyed[position].index]
            // The earliest equal record (hash collisions are told apart by comparing values).
            guard let first = keyed[groupStart..<position].first(where: { same(file, file.records[$0.index], record) }) else { continue }
            found.append(file.site(record).diagnostic(description, at: Int(file.rawLine(of: record).start),
                "record repeats line \(file.rawLine(of: file.records[first.index]).number) (same kind, date and fields)",
                hint: "delete one of the two lines, or acknowledge a repeat the source printed: # vault-allow duplicate-record: REASON"))
        }
        return found
    }

    static func same(_ file: BoundFile, _ a: Record, _ b: Record) -> Bool {
        guard a.kind == b.kind, a.date == b.date else { return false }
        let text = file.parsed.text
        for index in 0..<file.kind(of: a).fields.count {
            let x = file.values[Int(a.firstValue) + index]
            let y = file.values[Int(b.firstValue) + index]
            switch (x, y) {
            case (nil, nil): continue
            case let (.text(s)?, .text(t)?), let (.code(s)?, .code(t)?), let (.references(s)?, .references(t)?):
                if !text.bytes[Int(s.start)..<Int(s.end)].elementsEqual(text.bytes[Int(t.start)..<Int(t.end)]) { return false }
            default:
                if x != y { return false }
            }
        }
        return true
    }
}
