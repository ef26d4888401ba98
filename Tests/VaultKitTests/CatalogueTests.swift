import Testing
@testable import VaultKit

/// The message catalogue: every message in both languages, with the same
/// placeholders, and every finding the rules' examples produce from it.
@Suite struct CatalogueTests {
    /// A finding's message and hint come from the catalogue, and render in both
    /// languages with every placeholder filled.
    static func expectCatalogued(_ d: Diagnostic, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for message in [d.message] + (d.hint.map { [$0] } ?? []) {
            #expect(!message.isVerbatim, "\(d.ruleID) says a text not in the catalogue: \(message.text(.en))", sourceLocation: sourceLocation)
            #expect(Catalogue.template(message.id) != nil, "\(d.ruleID): message \(message.id) is not listed in Catalogue.all", sourceLocation: sourceLocation)
            for language in Language.allCases {
                for name in message.template.placeholders(language) {
                    #expect(message.arguments.contains { $0.name == name },
                            "\(message.id) (\(language)) has no value for {\(name)}", sourceLocation: sourceLocation)
                }
            }
        }
    }

    @Test func everyRuleHasItsSummaryAndRationaleInChinese() {
        for rule in Rules.all {
            #expect(!rule.description.summaryZH.isEmpty, "\(rule.description.id) has no Chinese summary")
            #expect(!rule.description.rationaleZH.isEmpty, "\(rule.description.id) has no Chinese rationale")
        }
    }

    @Test func everyIdIsUniqueAndEveryMessageHasBothLanguages() {
        var seen = Set<String>()
        for template in Catalogue.all {
            #expect(seen.insert(template.id).inserted, "message id \(template.id) is declared twice")
            #expect(!template.en.isEmpty, "message \(template.id) has no English")
            #expect(!template.zh.isEmpty, "message \(template.id) has no Chinese")
        }
    }

    @Test func bothLanguagesOfAMessageHaveTheSamePlaceholders() {
        for template in Catalogue.all {
            #expect(template.placeholders(.en) == template.placeholders(.zh),
                    "message \(template.id): English has \(template.placeholders(.en)), Chinese \(template.placeholders(.zh))")
        }
    }

    @Test func argumentsFillPlaceholdersInEitherLanguage() {
        let message = Linter.hiddenOnLine(["hidden": .count(1)])
        #expect(message.text(.en) == "1 more problem on this line not shown")
        #expect(Linter.hiddenOnLine(["hidden": .count(3)]).text(.en) == "3 more problems on this line not shown")
        #expect(message.text(.zh) == "本行另有 1 处问题未显示")
        let refusal = Language.Refusal(setting: "--lang", value: "fr").message
        #expect(refusal.text(.en) == "--lang takes en, zh, not \"fr\"")
        #expect(refusal.text(.zh) == "--lang 只接受 en、zh，不接受“fr”")
    }

    /// A value a contributor wrote is put in as written: a `{name}` in it is not a
    /// placeholder, in either language, nested or not.
    @Test func aPlaceholderInAValueIsNotFilledIn() {
        let hostile = "{kind}{field|a|b}{text}"
        let message = MissingFieldRule.needsField(["kind": .term(hostile, title: "{field}"), "field": .text("x")])
        #expect(message.text(.en) == "record kind \"\(hostile)\" needs field x")
        #expect(message.text(.zh) == "记录类型“\(hostile)”（{field}）缺少字段x")
        let nested = Linter.hiddenOnLineHint(["limit": .message(Message.verbatim(hostile))])
        #expect(nested.text(.en).contains(hostile) && nested.text(.zh).contains(hostile))
    }

    @Test func aBraceThatOpensNoPlaceholderIsText() {
        let template = MessageTemplate("test.braces", en: "a {b c} {d|e} {", zh: "甲")
        #expect(template.placeholders(.en).isEmpty)
        #expect(template([:]).text(.en) == "a {b c} {d|e} {")
    }

    @Test func theLanguageComesFromTheFlagThenVaultLangThenTheLocale() throws {
        #expect(try Language.choose(flag: "zh", environment: ["VAULT_LANG": "en"]) == .zh)
        #expect(try Language.choose(flag: nil, environment: ["VAULT_LANG": "zh", "LANG": "en_US.UTF-8"]) == .zh)
        #expect(try Language.choose(flag: nil, environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(try Language.choose(flag: nil, environment: ["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]) == .en)
        #expect(try Language.choose(flag: nil, environment: ["LC_MESSAGES": "zh_TW.UTF-8"]) == .zh)
        #expect(try Language.choose(flag: nil, environment: ["LANG": "fr_FR.UTF-8"]) == .en)
        #expect(try Language.choose(flag: nil, environment: [:]) == .en)
        #expect(throws: Language.Refusal(setting: "--lang", value: "cn")) { try Language.choose(flag: "cn", environment: [:]) }
        #expect(throws: Language.Refusal(setting: "VAULT_LANG", value: "chinese")) {
            try Language.choose(flag: nil, environment: ["VAULT_LANG": "chinese"])
        }
    }
}
