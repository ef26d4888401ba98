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
        var firstByKey: [RecordKey: Int] = [:]
        var firstOfUniqueKind: [Int32: Int] = [:]
        var found: [Diagnostic] = []
        for record in file.records {
            let line = Int(file.rawLine(of: record).number)
            let kind = file.kind(of: record)
            if kind.unique {
                if let first = firstOfUniqueKind[record.kind] {
                    found.append(file.site(record).diagnostic(description, at: Int(file.rawLine(of: record).kind.start),
                        "a second \"\(kind.id)\" record (the first is on line \(first))",
                        hint: "a file holds one \"\(kind.id)\" record; merge the two lines"))
                } else {
                    firstOfUniqueKind[record.kind] = line
                }
                continue
            }
            let key = RecordKey(file: file, record: record)
            if let first = firstByKey[key] {
                found.append(file.site(record).diagnostic(description, at: Int(file.rawLine(of: record).start),
                    "record repeats line \(first) (same kind, date and fields)",
                    hint: "delete one of the two lines, or acknowledge a repeat the source printed: # vault-allow duplicate-record: REASON"))
            } else {
                firstByKey[key] = line
            }
        }
        return found
    }

    /// A record's identity for duplicate detection: kind, date and typed values,
    /// with text compared by its decoded bytes, whatever the field order or quoting.
    struct RecordKey: Hashable {
        var kind: Int32
        var date: Day?
        var values: [KeyValue?]

        enum KeyValue: Hashable {
            case value(Value)
            case text([UInt8])
        }

        init(file: BoundFile, record: Record) {
            kind = record.kind
            date = record.date
            let count = file.kind(of: record).fields.count
            values = (0..<count).map { index in
                switch file.values[Int(record.firstValue) + index] {
                case nil: return nil
                case .text(let span)?, .code(let span)?, .references(let span)?:
                    return .text(Array(file.parsed.text.bytes[Int(span.start)..<Int(span.end)]))
                case let value?: return .value(value)
                }
            }
        }
    }
}
