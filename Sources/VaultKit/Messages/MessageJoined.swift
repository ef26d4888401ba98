extension Message {
    /// Messages said one after another, as one message: `template` joins two
    /// (`"{first}; {rest}"`, `"{first}；{rest}"`), folded from the right, so a list
    /// whose items are themselves messages reads in either language. Nil when empty.
    static func joined(_ items: [Message], by template: MessageTemplate) -> Message? {
        guard var out = items.last else { return nil }
        for item in items.dropLast().reversed() {
            out = template(["first": .message(item), "rest": .message(out)])
        }
        return out
    }
}
