import Foundation
import Testing
@testable import VaultKit

/// Item 3 of issue 18: the four formats of a period's report carry the same content, and
/// the report prints what the published report prints, each published figure with its check.
@Suite struct ReportParityTests {
    /// Every text of the model a reader is owed: figures, names, checks and notes.
    static func needles(_ r: PeriodReport) -> [String] {
        var all: [String] = [r.title]
        for f in r.published {
            all += [f.label, f.source, f.published, f.check.mark]
            if let reason = f.check.reason { all.append(reason) }
            if let vault = f.vault { all.append(vault) }
            if let note = f.note { all.append(note) }
        }
        // Without results the bands are no figures (the formats say what is missing instead).
        for b in r.statistics.bands where r.hasResults {
            all += [b.band.label, String(b.count)] + [b.percentOfEvaluated, b.percentOfInScope].compactMap { $0?.description }
        }
        for batch in r.statistics.batches where batch.evaluated > 0 {
            for b in batch.bands { all += [b.percentOfEvaluated, b.percentOfInScope].compactMap { $0?.description } }
        }
        for row in r.groups.flatMap(\.rows) {
            all += [row.printedName ?? row.name, row.printedCode ?? row.code ?? "", row.score?.description ?? ""]
        }
        for row in r.notEvaluated.rows { all += [row.name, row.code ?? "", row.reason] + row.notes }
        for m in r.panel.members { all += [m.name, m.role, m.affiliation ?? ""] + m.alliances + m.ties }
        for a in r.aLevel { all += [a.name, a.code ?? ""] }
        if r.hasResults {
            all += [String(r.notEvaluated.named), String(r.notEvaluated.unnamed), String(r.unscored)]
        }
        return all.filter { !$0.isEmpty }
    }

    /// Each format as plain text: Markdown without its escapes, HTML without its entities,
    /// JSON as written plus its decoded strings (numbers are compared as written).
    static func formats(_ r: PeriodReport) throws -> [(String, String)] {
        let md = ReportDocument.render(r, style: .markdown)
            .replacingOccurrences(of: #"\\([\\`*_{}\[\]()#+\-.!|<>~])"#, with: "$1", options: .regularExpression)
        var html = ReportHTML.render(r)
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            html = html.replacingOccurrences(of: entity, with: char)
        }
        let json = ReportJSON.render(r)
        var strings: [String] = []
        func collect(_ value: Any) {
            if let s = value as? String { strings.append(s) }
            if let a = value as? [Any] { a.forEach(collect) }
            if let o = value as? [String: Any] { o.keys.sorted().forEach { collect(o[$0]!) } }
        }
        collect(try JSONSerialization.jsonObject(with: Data(json.utf8)))
        return [("text", ReportDocument.render(r, style: .text)), ("md", md), ("html", html),
                ("json", json + "\n" + strings.joined(separator: "\n"))]
    }

    static let shipped: (Vault, [String: PeriodResult]) = {
        let vault = Loader.load(try! DiskFileSystem(root: Package.root.path)).vault
        return (vault, Scorer.score(vault))
    }()

    @Test(arguments: ["2015", "2016", "2017", "2019", "2022-2023"])
    func everyFormatCarriesTheModel(period: String) throws {
        let r = try #require(PeriodReport(period: period, vault: Self.shipped.0, results: Self.shipped.1))
        try Self.expectParity(r)
    }

    @Test func fixturePeriod() throws {
        let (vault, results) = try Fixture.load()
        try Self.expectParity(try #require(PeriodReport(period: "2024", vault: vault, results: results)))
    }

    static func expectParity(_ r: PeriodReport) throws {
        let needles = Self.needles(r)
        #expect(needles.count > 10)
        for (format, text) in try Self.formats(r) {
            let missing = needles.filter { !text.contains($0) }
            #expect(missing.isEmpty, "\(r.period.id) \(format) lacks \(missing.count): \(missing.prefix(5))")
            if format != "json" {
                for section in r.sections { #expect(text.contains(section.title), "\(format) lacks \(section.title)") }
            }
        }
    }
}

@Suite struct ReportCompletenessTests {
    func report(_ period: String) throws -> PeriodReport {
        try #require(PeriodReport(period: period, vault: ReportParityTests.shipped.0, results: ReportParityTests.shipped.1))
    }

    @Test func sectionsInThePublishedOrderWithStableIDs() throws {
        let r = try report("2022-2023")
        #expect(r.sections.map(\.id) == ["activity", "panel", "overview", "batches", "a-level", "not-evaluated", "results", "discrepancies", "history"])
        let html = ReportHTML.render(r)
        for id in r.sections.map(\.id) { #expect(html.contains("<section id=\"\(id)\">")) }
    }

    /// Every assert line of the period is a published figure with the lint verdict.
    @Test func everyPublishedFigureIsChecked() throws {
        let r = try report("2022-2023")
        let period = try #require(ReportParityTests.shipped.0.periods["2022-2023"])
        #expect(r.published.count == period.file.records(of: "assert").count)
        let entered = try #require(r.published.first { $0.stat == "entered-data" })
        #expect((entered.published, entered.vault) == ("110", "108"))
        guard case .differs(let reason?) = entered.check else { Issue.record("entered-data: \(entered.check)"); return }
        #expect(reason.contains("煤层气"))
        #expect(r.published.first { $0.stat == "band-count[high]" }?.check == .agrees)
        // Marks beside the computed figures.
        let md = ReportDocument.render(r, style: .markdown)
        #expect(md.contains("| 活跃度高 | 35 ✓ | 46.67% ✓ | 22.01% ✓ |"))
        #expect(md.contains("| 第二批 | 39 | 10 | 活跃度高 | 5 ≠来源4 |"))
        #expect(md.contains("录入信息 108 ≠来源110 家"))
        // Activity totals as published, in the schema's words, every one of them (382 included).
        let activity = r.published(in: "activity")
        #expect(activity.count == 13)
        #expect(activity.allSatisfy { !$0.label.contains("activity") && !$0.label.contains("[") })
        #expect(activity.contains { $0.published == "382" && $0.label == "联盟间合作与交流及展览、论坛、学术会议数量" })
    }

    @Test func annexTwoRowByRowWithTheVaultsReading() throws {
        let rows = try report("2022-2023").notEvaluated.rows
        func notes(_ seq: Int64) -> String { rows.first { $0.seq == seq }?.notes.joined() ?? "missing" }
        #expect(notes(1) == "")
        #expect(notes(3).contains("亦列为参评") && notes(3).contains("57"))
        #expect(notes(17).contains("与第 15 行重复"))
        #expect(notes(18).contains("库内为 210"))
        #expect(notes(24).contains("生物医用材料"))
        let text = ReportDocument.render(try report("2022-2023"), style: .text)
        #expect(text.contains("库内知其名的未参评联盟 33 家；其余 51 家没有任何来源列出名字"))
    }

    @Test func panelWithItsTies() throws {
        let panel = try report("2022-2023").panel.members
        #expect(panel.count == 29)
        #expect(panel.map(\.role).prefix(4) == ["顾问", "组长", "副组长", "副组长"])
        let cheng = try #require(panel.first { $0.name == "程学忠" })
        #expect(cheng.ties == ["化纤：化纤联盟秘书长，据 bulletin-2019-1:news；本期评分 96，活跃度高"])
        #expect(panel.first { $0.name == "仲继寿" }?.alliances == ["住宅科技：本期评分 100，活跃度高"])
    }

    @Test func aLevelSplitByBatch() throws {
        let r = try report("2022-2023")
        #expect(r.aLevelByBatch.map { "\($0.batch):\($0.count)" } == ["1:14", "2:4", "3:6", "later:2"])
    }

    @Test func histogramSaysWhoIsLeftOut() throws {
        let r = try report("2022-2023")
        #expect(r.unscored == 7)
        #expect(r.histogram.reduce(0, +) + r.unscored == 75)
        #expect(ReportHTML.render(r).contains("另有 7 家参评联盟来源只列等级、未印评分，不在图中"))
    }

    /// 2016: no results in the vault, so no empty tables, and the report says what is missing.
    @Test func periodWithoutResultsSaysWhatIsMissing() throws {
        let r = try report("2016")
        #expect(!r.hasResults)
        let text = ReportDocument.render(r, style: .text)
        #expect(text.contains("库内没有 2016 评价期的评价结果"))
        for header in ["联盟名称", "占参评联盟", "分数段"] { #expect(!text.contains(header), "\(header)") }
        #expect(r.published.allSatisfy { $0.check != .agrees || $0.stat == "evaluation-number" })
        #expect(text.contains("来源所印 2 个数字中，1 个因库内无本期评价结果无法核对，其余与库内数据一致。"))
    }

    /// A period that does not exist: the same refusal as `vault explain`, with the closest period.
    @Test func unknownPeriodIsRefusedAsExplainRefusesIt() throws {
        let report = try Run(["-C", Package.root.path, "report", "2022-2032", "--format", "html"])
        let explain = try Run(["-C", Package.root.path, "explain", "化纤", "2022-2032"])
        #expect(report.status == 2 && explain.status == 2)
        #expect(report.stdout.isEmpty)
        #expect(report.stderr == explain.stderr)
        #expect(report.stderr.hasPrefix("vault: no period \"2022-2032\" in vault/periods/; did you mean 2022-2023?"), "\(report.stderr)")
    }

    /// 2017 prints no panel names, only a count: the report says so and checks the count.
    @Test func panelCountWithoutNames() throws {
        let r = try report("2017")
        let text = ReportDocument.render(r, style: .text)
        #expect(text.contains("库内没有本评价期专家组的名单"))
        #expect(r.published(in: "panel").map(\.published) == ["27"])
    }

    /// Text of the new sections (a panel affiliation, a tie) cannot add structure or control
    /// characters to any format.
    @Test func panelTextCannotAddStructure() throws {
        let project = try HostileProject(from: Fixture.root)
        let period = "vault/periods/2024.txt"
        // A raw ESC makes the loader refuse the line (encoding); a C1 control passes the parser.
        let hostile = "<script>alert(1)</script> | x |\\n## 伪造\u{9B}[31m"
        let text = String(decoding: try project.read(period), as: UTF8.self)
            .replacingOccurrences(of: "affiliation=\"高校技术创新研究中心副教授\"", with: "affiliation=\"\(hostile)\"")
            + "tie expert=E03 alliance=化纤 role=\"\(hostile)\" source=fixture note=x\n"
        try project.write(period, text)
        for format in ["text", "md", "html", "json"] {
            let run = try project.run(["report", "2024", "--format", format])
            #expect(run.status == 0, "\(format): \(run.stderr)")
            // Markdown's `\<` is a literal `<`; text and JSON carry the text as data (a terminal opens no tags).
            // The page's own sorting script is a `<script>` too: the hostile one is the one that would say alert.
            if format == "md" || format == "html" { #expect(!run.stdout.replacingOccurrences(of: "\\<", with: "").contains("<script>alert"), "\(format)") }
            #expect(!run.stdout.components(separatedBy: "\n").contains { $0.hasPrefix("## 伪造") }, "\(format)")
            let raw = run.stdout.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
            #expect(raw.isEmpty, "\(format): raw control characters \(raw.map { $0.value })")
            #expect(run.stdout.contains("alert(1)"), "\(format): the affiliation is shown, escaped")
        }
        try project.expectOutsideUnchanged()
    }
}
