/// The same record twice in one file, or a second record of a kind that may
/// appear once (`alliance`, `period`).
public enum DuplicateRecordRule: FileRule {
    public static let description = RuleDescription(
        id: "duplicate-record",
        summary: "a record appears twice in one file",
        rationale: "a record entered twice would be counted twice; when the source itself repeats a row, acknowledge it with a suppression",
        summaryZH: "一个文件中同一条记录出现了两次",
        rationaleZH: "重复录入的记录会被计两次；来源报告本身重复印了一行时，请用豁免注释说明",
        severity: .error,
        triggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A\n↓2023-03-01 meeting title=A  type=council\n"),
            RuleExample("vault/alliances/示例/alliance.txt", "alliance code=110 batch=1 name=示例\n↓alliance code=111 batch=1 name=示例二\n"),
        ],
        nonTriggering: [
            RuleExample("vault/alliances/示例/2023.txt", "2023-03-01 meeting type=council title=A\n2023-03-02 meeting type=council title=A\n"),
        ])

    public static func check(_ file: BoundFile, in vault: Vault) -> [Diagnostic] {
        let unique = file.table.unique
        var firstOfUniqueKind = [Int32](repeating: 0, count: unique.count)   // a line number; 0: none yet
        var found: [Diagnostic] = []
        // Most files repeat nothing: a table of identities shows that with one probe per
        // record; only a file where two identities meet is searched record by record.
        var seen = IdentityTable(capacity: file.records.count)
        var collided = false
        for record in file.records {
            if unique[Int(record.kind)] {
                let first = firstOfUniqueKind[Int(record.kind)]
                if first > 0 {
                    let spec = file.kind(of: record)
                    let kind = MessageArgument.term(spec.id, title: spec.title)
                    found.append(file.site(record).diagnostic(description, at: Int(file.rawLine(of: record).kind.start),
                        second(["kind": kind, "line": .count(Int(first))]), hint: mergeLines(["kind": kind])))
                } else {
                    firstOfUniqueKind[Int(record.kind)] = record.number
                }
            } else if !seen.insert(record.identity) {
                collided = true
            }
        }
        return collided ? found + repeats(in: file, unique: unique) : found
    }

    /// A set of record identities. They are hashes already, so they index an
    /// open-addressing table directly, where a `Set` hashed each one again.
    /// Identities equal but for their lowest bit count as equal: a meeting only
    /// sends the file to `repeats`, which compares the records themselves.
    struct IdentityTable {
        private var slots: [UInt64]
        private let mask: Int

        init(capacity: Int) {
            var size = 16
            while size < capacity * 2 { size *= 2 }
            slots = [UInt64](repeating: 0, count: size)
            mask = size - 1
        }

        /// Adds `identity`; false when it was there already.
        mutating func insert(_ identity: UInt64) -> Bool {
            let key = identity | 1   // 0 marks an empty slot
            var index = Int(truncatingIfNeeded: key >> 7) & mask
            while slots[index] != 0 {
                if slots[index] == key { return false }
                index = (index + 1) & mask
            }
            slots[index] = key
            return true
        }
    }

    /// Records equal to an earlier one (hash collisions are told apart by comparing values).
    static func repeats(in file: BoundFile, unique: [Bool]) -> [Diagnostic] {
        var earlierByIdentity: [UInt64: [Int]] = [:]
        var found: [Diagnostic] = []
        for (index, record) in file.records.enumerated() where !unique[Int(record.kind)] {
            if let earlier = earlierByIdentity[record.identity],
               let first = earlier.first(where: { same(file, file.records[$0], record) }) {
                found.append(file.site(record).diagnostic(description, at: Int(record.start),
                    repeats(["line": .count(Int(file.records[first].number))]), hint: deleteOrAllow()))
            } else {
                earlierByIdentity[record.identity, default: []].append(index)
            }
        }
        return found
    }

    static func same(_ file: BoundFile, _ a: Record, _ b: Record) -> Bool {
        guard a.kind == b.kind, a.date == b.date else { return false }
        let text = file.parsed.text
        for index in 0..<file.kind(of: a).fields.count {
            let x = file.value(a, at: index)
            let y = file.value(b, at: index)
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

    static let second = MessageTemplate(
        "duplicate-record.unique", en: "a second {kind} record (the first is on line {line})", zh: "又一条{kind}记录（第一条在第 {line} 行）")
    static let mergeLines = MessageTemplate(
        "duplicate-record.unique.hint", en: "a file holds one {kind} record; merge the two lines", zh: "一个文件只能有一条{kind}记录；请把两行合并")
    static let repeats = MessageTemplate(
        "duplicate-record.repeat", en: "record repeats line {line} (same kind, date and fields)",
        zh: "这条记录与第 {line} 行重复（记录类型、日期和字段都相同）")
    static let deleteOrAllow = MessageTemplate(
        "duplicate-record.repeat.hint",
        en: "delete one of the two lines, or acknowledge a repeat the source printed: # vault-allow duplicate-record: REASON",
        zh: "请删去其中一行；如果来源报告本身就印了两次，请加豁免注释：# vault-allow duplicate-record: 理由")

    public static let messages = [second, mergeLines, repeats, deleteOrAllow]
}
