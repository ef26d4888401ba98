import VaultKit
import VaultLSP

/// Every message `vault` can say: VaultKit's (`Catalogue.all`) and the executable's
/// own (usage errors, refusals, the help of every command and option). `vault
/// __catalogue` prints them, so that a test checks the executable's texts as
/// CatalogueTests checks VaultKit's: unique ids, both languages, same placeholders.
enum ExecutableCatalogue {
    static var all: [MessageTemplate] {
        Catalogue.all + UsageMessages.all + CommandMessages.all + CommandLineTool.messages + GlobalOptions.messages
            + Commands.all.flatMap(\.messages) + Server.messages
    }

    /// `id<TAB>en<TAB>zh`, one message a line under that header; a backslash, tab
    /// or line end inside a text is written `\\`, `\t`, `\n`.
    static func tsv() -> String {
        func cell(_ text: String) -> String {
            var out = ""
            for character in text.unicodeScalars {
                switch character {
                case "\\": out += "\\\\"
                case "\t": out += "\\t"
                case "\n": out += "\\n"
                default: out.unicodeScalars.append(character)
                }
            }
            return out
        }
        return "id\ten\tzh\n" + all.map { "\(cell($0.id))\t\(cell($0.en))\t\(cell($0.zh))\n" }.joined()
    }
}

/// The messages each command's handler says, declared next to it.
enum CommandMessages {
    static let all = LintCommand.messages + SchemaCommand.messages + ScoredProject.messages + ScoreCommand.messages
        + ExplainCommand.messages + FmtCommand.messages + PeriodCommand.messages + CodeownersCommand.messages
        + DiffCommand.messages + ReportCommand.messages + [ReviewAssignCommand.whichStage]
}
