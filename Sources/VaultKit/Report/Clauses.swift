/// The small joints of the text outputs, in each language: clauses of one line
/// (", " and "，"; a list of names is a `.list`, "、" in Chinese), and a name with
/// its value (`name: value`, `名称：取值`).
public enum Clauses {
    public static func join(_ parts: [String], _ language: Language) -> String {
        parts.joined(separator: separator().text(language))
    }

    static let separator = MessageTemplate("text.clause-separator", en: ", ", zh: "，")
    static let entry = MessageTemplate("text.entry", en: "{name}: {value}", zh: "{name}：{value}")
    static let messages = [separator, entry]
}
