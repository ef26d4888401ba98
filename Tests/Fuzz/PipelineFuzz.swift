// libFuzzer target: the whole pipeline on a small vault built from the input.
// The input is split on NUL bytes into up to eight pieces:
//   0 schemas/test.txt            1 vault/periods/P.txt
//   2 vault/alliances/A/alliance.txt
//   3 vault/alliances/A/P.txt     4 vault/reviews/P/E.txt
//   5 the alliance directory A    6 the period id P    7 the expert file name E
// (a missing piece keeps the example project's file or name). The vault is then
// loaded in memory, linted (every finding rendered in every lint format), scored
// (score table, stats, explain and the period report in every format), and each
// file formatted, twice: formatting must be idempotent. Nothing may crash, hang
// or trip the address sanitizer.
import Foundation

/// A path component from fuzz bytes: no `/`, not `.` or `..`, at most 64 bytes;
/// nil (keep the default) when nothing usable is left.
func component(_ bytes: ArraySlice<UInt8>) -> String? {
    let kept = bytes.prefix(64).filter { $0 != 0x2F && $0 != 0x0A && $0 != 0x0D }
    let name = String(decoding: kept, as: UTF8.self)
    return name.isEmpty || name == "." || name == ".." ? nil : name
}

func vaultFiles(_ bytes: [UInt8]) -> [String: [UInt8]] {
    let pieces = bytes.split(separator: 0, maxSplits: 7, omittingEmptySubsequences: false)
    func piece(_ k: Int) -> ArraySlice<UInt8>? { k < pieces.count ? pieces[k] : nil }
    let alliance = piece(5).flatMap(component) ?? "示例"
    let period = piece(6).flatMap(component) ?? "2023"
    let expert = piece(7).flatMap(component) ?? "E1"
    let base = ExampleProject.base.merging(ExampleProject.reviewedPeriod) { $1 }.mapValues { Array($0.utf8) }
    let defaults: [(String, String)] = [
        ("schemas/test.txt", "schemas/test.txt"),
        ("vault/periods/2023.txt", "vault/periods/\(period).txt"),
        ("vault/alliances/示例/alliance.txt", "vault/alliances/\(alliance)/alliance.txt"),
        ("vault/alliances/示例/2023.txt", "vault/alliances/\(alliance)/\(period).txt"),
        ("vault/reviews/2023/E2.txt", "vault/reviews/\(period)/\(expert).txt"),
    ]
    var files: [String: [UInt8]] = [:]
    for (k, (from, to)) in defaults.enumerated() { files[to] = piece(k).map(Array.init) ?? base[from]! }
    files["vault/reviews/\(period)/E3.txt"] = files["vault/reviews/\(period)/E3.txt"] ?? base["vault/reviews/2023/E3.txt"]!
    return files
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPipeline(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let files = vaultFiles(Array(UnsafeBufferPointer(start: data, count: size)))
    let lint = Linter.lint(MemoryFileSystem(bytes: files))
    _ = DiagnosticTextReporter(color: true).render(lint.diagnostics, files: lint.files)
    _ = DiagnosticJSONReporter.render(lint.diagnostics, files: lint.files)
    _ = GitHubReporter.render(lint.diagnostics, files: lint.files)
    _ = SARIFReporter.render(lint.diagnostics, version: "fuzz")
    let vault = lint.vault
    let results = Scorer.score(vault)
    for (id, result) in results.sorted(by: { $0.key < $1.key }) {
        _ = ScoreTable.tsv(result)
        _ = ScoreTable.json(result)
        _ = ScoreTable.text(result)
        let stats = PeriodStatistics(result, vault: vault)
        _ = StatsReport.text(stats)
        _ = StatsReport.json(stats)
        for alliance in result.alliances { _ = ExplainReport.text(alliance, in: result) }
        if let report = PeriodReport(period: id, vault: vault, results: results) {
            _ = ReportDocument.render(report, style: .text)
            _ = ReportDocument.render(report, style: .markdown)
            _ = ReportJSON.render(report)
            _ = ReportHTML.render(report)
        }
    }
    // `vault fmt`'s choice of table and sorting (FormatRun), then formatting the result again.
    var tables: [String: KindTable] = [:]
    for file in vault.boundFiles { tables[file.path] = file.table }
    for file in vault.files {
        let path = file.text.path
        let table = path.hasPrefix("schemas/") ? MetaSchema.table : tables[path]
        let sort = path.hasPrefix("vault/alliances/") && !path.hasSuffix("/alliance.txt")
        let bytes = file.text.bytes.withUnsafeBufferPointer { Array($0) }
        if case .changed(let once) = Formatter.format(bytes, path: path, table: table, sort: sort) {
            let twice = Formatter.format(once, path: path, table: table, sort: sort)
            if twice != .unchanged {
                fatalError("formatting \(path) twice changed it again: \(String(decoding: once, as: UTF8.self).debugDescription)")
            }
        }
    }
    return 0
}
