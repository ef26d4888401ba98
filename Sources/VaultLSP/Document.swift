/// A document the editor holds open: its text as the editor has it (unsaved edits
/// included), its version, and its path in the project (nil when it is outside).
struct Document: Sendable {
    let uri: String
    /// Relative to the project root, `/`-separated; nil outside the project.
    var path: String?
    var version: Int?
    private(set) var lines: LineIndex

    init(uri: String, path: String?, version: Int?, text: String) {
        self.uri = uri
        self.path = path
        self.version = version
        lines = LineIndex(Array(text.utf8))
    }

    var bytes: [UInt8] { lines.bytes }

    /// Applies `textDocument/didChange`'s changes in order, each against the text the
    /// one before left: a change without a range replaces the whole text, one with a
    /// range replaces the text between its positions in the negotiated encoding.
    /// A change that is not an object with a string `text` is refused.
    mutating func apply(_ changes: [JSON], encoding: PositionEncoding) throws(ChangeError) {
        for change in changes {
            guard let text = change["text"]?.string else { throw ChangeError(message: "a content change without a text") }
            guard let range = change["range"] else {
                lines = LineIndex(Array(text.utf8))
                continue
            }
            guard let start = Self.position(range["start"]), let end = Self.position(range["end"]) else {
                throw ChangeError(message: "a content change whose range is not two positions")
            }
            var from = lines.offset(of: start, encoding)
            var to = lines.offset(of: end, encoding)
            if from > to { swap(&from, &to) }
            var bytes = lines.bytes
            bytes.replaceSubrange(from..<to, with: Array(text.utf8))
            lines = LineIndex(bytes)
        }
    }

    struct ChangeError: Error { let message: String }

    static func position(_ json: JSON?) -> Position? {
        guard let line = json?["line"]?.int, let character = json?["character"]?.int, line >= 0, character >= 0 else { return nil }
        return Position(line: line, character: character)
    }
}
