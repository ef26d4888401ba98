import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import VaultKit

@Suite struct ReportGoldenTests {
    func fixtureReport() throws -> PeriodReport {
        let (vault, results) = try Fixture.load()
        return try #require(PeriodReport(period: "2024", vault: vault, results: results))
    }

    @Test func eachFormat() throws {
        let report = try fixtureReport()
        expectGolden("report-2024.txt", ReportDocument.render(report, style: .text))
        expectGolden("report-2024.md", ReportDocument.render(report, style: .markdown))
        expectGolden("report-2024.json", ReportJSON.render(report))
        expectGolden("report-2024.html", ReportHTML.render(report))
    }

    /// The page parses as XML and loads nothing from outside itself.
    @Test func htmlIsWellFormedAndSelfContained() throws {
        let html = ReportHTML.render(try fixtureReport())
        let parser = XMLParser(data: Data(html.replacingOccurrences(of: "<!DOCTYPE html>", with: "").utf8))
        #expect(parser.parse(), "not well-formed: \(String(describing: parser.parserError))")
        for forbidden in ["<link", "src=", "@import", "url(", "https://"] {
            #expect(!html.contains(forbidden), "found \(forbidden)")
        }
        expectSelfContainedPage(html)
        // The only URIs are XML namespace names, which are never fetched.
        #expect(html.components(separatedBy: "http://").count == html.components(separatedBy: "xmlns=\"http://").count)
        #expect(html.contains("<svg"))
        #expect(html.contains("活跃度高"))
        #expect(html.contains("@media print"))
        #expect(html.contains("name=\"viewport\""))
    }

    @Test func jsonHasTheDocumentedKeys() throws {
        let json = ReportJSON.render(try fixtureReport())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        for key in ["period", "inScope", "evaluated", "notEvaluated", "bands", "batches", "results", "aLevel", "discrepancies"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let band = try #require((object["bands"] as? [[String: Any]])?.first)
        #expect(Set(band.keys) == ["band", "label", "count", "percentOfEvaluated", "percentOfInScope"])
        let batch = try #require((object["batches"] as? [[String: Any]])?.first)
        #expect(Set(batch.keys) == ["batch", "inScope", "evaluated", "bands"])
        let result = try #require((object["results"] as? [[String: Any]])?.first)
        #expect(Set(result.keys) == ["rank", "code", "name", "score", "band"])
    }
}

/// The reports for 2015, 2017 and 2022-2023 reproduce the figures their sources print,
/// except where a source is wrong, which the discrepancies section lists.
@Suite struct ReproductionTests {
    static let shipped: (Vault, [String: PeriodResult]) = {
        let vault = Loader.load(try! DiskFileSystem(root: Package.root.path)).vault
        return (vault, Scorer.score(vault))
    }()

    func report(_ period: String) throws -> PeriodReport {
        try #require(PeriodReport(period: period, vault: Self.shipped.0, results: Self.shipped.1))
    }

    func bands(_ r: PeriodReport) -> [String] {
        r.statistics.bands.map { "\($0.count) \($0.percentOfEvaluated!) \($0.percentOfInScope!)" }
    }

    @Test func bandsOf2022To2023() throws {
        let r = try report("2022-2023")
        #expect(bands(r) == ["35 46.67 22.01", "16 21.33 10.06", "17 22.67 10.69", "7 9.33 4.40"])
        #expect(r.topTwo.count == 51)
        #expect((r.statistics.inScope, r.statistics.evaluated) == (159, 75))
    }

    @Test func bandsOf2017() throws {
        let r = try report("2017")
        #expect(bands(r) == ["24 23.76 16.44", "22 21.78 15.07", "35 34.65 23.97", "20 19.80 13.70"])
        #expect(r.topTwo.percentOfEvaluated?.description == "45.54")
    }

    @Test func batchesOf2017() throws {
        let r = try report("2017")
        let byBatch = r.statistics.batches.prefix(3).map { $0.bands.map(\.count) }
        #expect(byBatch == [[13, 10, 10, 7], [5, 4, 9, 4], [6, 8, 16, 9]])
        #expect(r.statistics.batches[0].bands[0].percentOfInScope?.description == "25.00")
    }

    @Test func resultTablesAsPrinted() throws {
        #expect(try report("2017").groups.map(\.rows.count) == [24, 22, 35, 20])
        #expect(try report("2022-2023").groups.map(\.rows.count) == [35, 16, 17, 7])
        let first = try #require(try report("2017").groups.first?.rows.first)
        #expect((first.rank, first.printedCode, first.score?.description) == (1, "109", "100"))
        #expect(try report("2015").groups.flatMap(\.rows).count == 125)
    }

    @Test func notEvaluatedAndALevelLists() throws {
        let r = try report("2022-2023")
        // Annex 2 prints 35 rows: 煤层气 twice and 饲料, which annex 3 evaluates, so 33 alliances remain.
        #expect(r.notEvaluated.rows.count == 35)
        #expect(r.notEvaluated.rows.map(\.seq) == (1...35).map { Int64($0) })
        #expect(r.notEvaluated.named == 33)
        #expect(r.notEvaluated.unnamed == 84 - 33)
        #expect(r.notEvaluated.rows.first?.name == "维生素产业技术创新战略联盟")
        #expect(r.aLevel.count == 26)
        #expect(r.aLevel.first?.code == "102")
    }

    @Test func discrepanciesAreExactlyTheFailingAssertions() throws {
        for period in ["2015", "2017", "2022-2023"] {
            let r = try report(period)
            let failing = AssertionCheck.outcomes(Self.shipped.0, Self.shipped.1, period: period).filter {
                if case .disagrees = $0.verdict { return true } else { return false }
            }
            #expect(r.discrepancies.count == failing.count)
        }
    }
}
