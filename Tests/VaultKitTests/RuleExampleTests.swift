import Foundation
import Testing
@testable import VaultKit

/// One example of one rule, named for the test report.
struct RuleCase: CustomTestStringConvertible, Sendable {
    var rule: RuleDescription
    var example: RuleExample
    var triggers: Bool
    var index: Int

    var testDescription: String { "\(rule.id) \(triggers ? "triggers" : "passes") #\(index + 1)" }

    static let all: [RuleCase] = Rules.all.flatMap { rule in
        let d = rule.description
        return d.triggering.enumerated().map { RuleCase(rule: d, example: $1, triggers: true, index: $0) }
            + d.nonTriggering.enumerated().map { RuleCase(rule: d, example: $1, triggers: false, index: $0) }
    }
}

@Suite struct RuleExampleTests {
    @Test func theBaseProjectIsClean() {
        #expect(lint(ExampleProject.base).diagnostics == [])
    }

    /// Every example behaves as its rule declares: a triggering example gives a
    /// finding of that rule exactly at the marker, and nothing else; a
    /// non-triggering one gives no finding at all.
    @Test(arguments: RuleCase.all)
    func example(_ c: RuleCase) throws {
        let result = lint(ExampleProject.files(for: c.example))
        if c.triggers {
            let marked: VaultKit.SourceLocation? = ExampleProject.markedLocation(in: c.example)
                ?? c.example.expectedAt.map(Self.location)
            let expected = try #require(marked, "a triggering example needs a ↓ marker or expectedAt")
            let mine = result.diagnostics.filter { $0.ruleID == c.rule.id }
            #expect(mine.contains { $0.location == expected }, "expected \(c.rule.id) at \(expected), got \(result.diagnostics)")
            #expect(mine.allSatisfy { $0.severity == c.rule.severity })
            for d in mine { CatalogueTests.expectCatalogued(d) }
            let others = result.diagnostics.filter { $0.ruleID != c.rule.id }
            #expect(others.isEmpty, "unchecked findings: \(others)")
        } else {
            #expect(result.diagnostics.isEmpty, "unexpected findings: \(result.diagnostics)")
        }
    }

    static func location(_ text: String) -> VaultKit.SourceLocation {
        let parts = text.split(separator: ":")
        return VaultKit.SourceLocation(path: String(parts[0]), line: Int(parts[1])!, column: Int(parts[2])!)
    }

    /// Each rule runs at the stage of the protocol it conforms to: `Rule.stage`
    /// stands in for a cast, and must say the same as one.
    @Test func everyRuleRunsAtTheStageItsProtocolSays() {
        for rule in Rules.all {
            let id = rule.description.id
            switch rule.stage {
            case .file: #expect(rule is any FileRule.Type, "\(id)")
            case .vault: #expect(rule is any VaultRule.Type, "\(id)")
            case .scored: #expect(rule is any ScoredRule.Type, "\(id)")
            case .loading: #expect(!(rule is any FileRule.Type || rule is any VaultRule.Type || rule is any ScoredRule.Type), "\(id)")
            }
        }
        #expect(Rules.fileRules.count + Rules.vaultRules.count + Rules.scoredRules.count
                == Rules.all.count { if case .loading = $0.stage { false } else { true } })
    }

    @Test func everyRuleHasExamplesOfBothKinds() {
        for rule in Rules.all {
            let d = rule.description
            // `io` cannot be triggered in memory; its cases are in LoaderTests.
            if d.id != "io" { #expect(!d.triggering.isEmpty, "\(d.id) has no triggering example") }
            #expect(!d.nonTriggering.isEmpty, "\(d.id) has no non-triggering example")
        }
    }

    @Test func idsAreUniqueKebabCase() {
        let ids = Rules.all.map { $0.description.id }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(id) is not kebab-case")
        }
    }

    @Test func rulesDocumentIsUpToDate() throws {
        let committed = try String(contentsOfFile: Package.path("docs/rules.md"), encoding: .utf8)
        #expect(committed == RulesCatalogue.markdown(), "docs/rules.md is stale: run `swift run vault rules --markdown > docs/rules.md`")
    }
}
