import Foundation

/// The grammar of a suppression comment: `vault-allow RULE[, RULE…]: REASON`.
enum SuppressionSyntax {
    static let marker = "vault-allow"
    static let markerBytes = Array(marker.utf8)

    /// The rules and reason of a comment body, or nil when the comment is not a suppression.
    /// A suppression without a reason parses with an empty reason, so lint can report it.
    static func parse(_ body: String) -> (rules: [String], reason: String)? {
        guard body.hasPrefix(marker) else { return nil }
        let rest = body.dropFirst(marker.count)
        guard rest.isEmpty || rest.first == " " || rest.first == ":" || rest.first == "\t" else { return nil }
        let parts = rest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        let rules = parts[0].split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" }).map(String.init)
        let reason = parts.count > 1 ? parts[1].trimmingCharacters(in: .whitespaces) : ""
        return (rules, reason)
    }
}
