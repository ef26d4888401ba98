/// The list of alliances not evaluated, row by row as the source printed it (the
/// `published` lines whose status is not `evaluated`, in printed order), with a note on
/// every row the vault reads differently: a row printed twice, an alliance the same
/// source also lists as evaluated, a printed code or name that is not the alliance's.
/// The counts say why the list is shorter than the number not evaluated.
public struct NotEvaluatedSection: Sendable {
    public struct Row: Sendable {
        /// The printed row number; nil for an alliance no source lists (the vault's own record).
        public var seq: Int64?
        public var name: String
        public var code: String?
        /// The status as printed (`incomplete`, `no-data`).
        public var status: String
        /// The reason the source gives (or the vault records) for not evaluating it.
        public var reason: String
        /// How the vault reads the row differently from the source; empty where it agrees.
        public var notes: [String]
    }

    public var rows: [Row]
    /// Distinct alliances the vault knows were not evaluated (incomplete or no data).
    public var named: Int
    /// Not evaluated (in scope minus evaluated) that no source names, so the vault cannot list them.
    public var unnamed: Int
    /// Where the rows come from (`report-2022-2023:annex-2`), in order of first appearance.
    public var sources: [String]

    init(period periodID: String, vault: Vault, result: PeriodResult, statistics: PeriodStatistics) {
        var rows: [Row] = []
        var sources: [String] = []
        var listed: Set<String> = []
        for alliance in vault.orderedAlliances {
            guard let file = alliance.records[periodID] else { continue }
            let state = result.alliance(alliance.id)
            var reasons: [Int: String] = [:]
            for suppression in file.parsed.suppressions where suppression.target > 0 { reasons[suppression.target] = suppression.reason }
            let published = file.records(of: "published").map { $0 }
            let evaluatedLine = published.first { file.text($0, "status") == "evaluated" }
            var firstSeq: Int64?
            for record in published {
                guard let status = file.text(record, "status"), status != "evaluated" else { continue }
                let seq = file.int(record, "seq")
                let name = file.text(record, "name") ?? alliance.name ?? alliance.id
                let code = file.text(record, "code")
                var notes: [String] = []
                if let firstSeq { notes.append("与第 \(firstSeq) 行重复列出，库内计为一家") }
                if state?.status == .evaluated {
                    let row = evaluatedLine.flatMap { file.int($0, "seq") }.map { " 第 \($0) 行" } ?? ""
                    let score = state?.score.map { "，\($0) 分" } ?? ""
                    notes.append("同一来源亦列为参评（\(file.text(evaluatedLine ?? record, "source") ?? "")\(row)\(score)），库内按参评计")
                }
                if let code, let own = alliance.code, code != own { notes.append("所印批次号 \(code)，库内为 \(own)") }
                if let own = alliance.name, name != own { notes.append("库内名称：\(own)") }
                if notes.isEmpty, let reason = reasons[Int(record.number)] { notes.append(reason) }
                let source = file.text(record, "source") ?? ""
                if !source.isEmpty && !sources.contains(source) { sources.append(source) }
                rows.append(Row(seq: seq, name: name, code: code, status: status,
                                reason: file.text(record, "note") ?? (status == "no-data" ? "未填报信息" : "信息填报不完整"), notes: notes))
                if firstSeq == nil { firstSeq = seq }
                listed.insert(alliance.id)
            }
        }
        rows.sort { ($0.seq ?? Int64.max) < ($1.seq ?? Int64.max) }
        // Alliances the vault records as not evaluated that no printed list names.
        let unlisted = result.alliances.filter { ($0.status == .incomplete || $0.status == .noData) && !listed.contains($0.id) }
        for a in unlisted.sorted(by: { ($0.code ?? "~", $0.id) < ($1.code ?? "~", $1.id) }) {
            let file = vault.alliances[a.id]?.records[periodID]
            let note = file.flatMap { f in f.records(of: "participation").first.flatMap { f.text($0, "note") } }
            rows.append(Row(seq: nil, name: a.name, code: a.code, status: a.status.rawValue,
                            reason: note ?? (a.status == .incomplete ? "信息填报不完整" : "未填报信息"),
                            notes: ["来源未列出，库内据本期记录"]))
        }
        self.rows = rows
        self.sources = sources
        named = result.alliances.filter { $0.status == .incomplete || $0.status == .noData }.count
        unnamed = max(0, statistics.notEvaluated - named)
    }
}
