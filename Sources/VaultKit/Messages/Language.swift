/// The language `vault` speaks to its user: findings, hints, usage and help, and the
/// labels of its text outputs. The period report stays Chinese in both, as published;
/// rule ids, field names and every key of a machine format stay as they are.
public enum Language: String, Sendable, CaseIterable, Hashable {
    case en
    case zh

    /// The values `--lang` and `VAULT_LANG` accept.
    public static let accepted = allCases.map(\.rawValue)

    /// Why a language setting was refused: which setting, and the value it held.
    public struct Refusal: Error, Sendable, Equatable {
        /// `--lang` or `VAULT_LANG`.
        public let setting: String
        public let value: String

        public var message: Message {
            Language.unknownSetting(["setting": .text(setting), "value": .text(value),
                                     "accepted": .list(Language.accepted)])
        }
    }

    /// `--lang`, else `VAULT_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`,
    /// the first one set and not empty, as POSIX orders them: `zh`, `zh_CN.UTF-8` …
    /// give Chinese), else English. An unknown `--lang` or `VAULT_LANG` is refused (a
    /// usage error); a locale this tool does not speak falls back to English silently,
    /// as a locale is the machine's setting and not a request to this tool.
    public static func choose(flag: String?, environment: [String: String]) throws(Refusal) -> Language {
        if let flag {
            guard let chosen = Language(rawValue: flag) else { throw Refusal(setting: "--lang", value: flag) }
            return chosen
        }
        if let value = environment["VAULT_LANG"], !value.isEmpty {
            guard let chosen = Language(rawValue: value) else { throw Refusal(setting: "VAULT_LANG", value: value) }
            return chosen
        }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let locale = environment[name], !locale.isEmpty else { continue }
            return locale == "zh" || locale.hasPrefix("zh_") || locale.hasPrefix("zh.") || locale.hasPrefix("zh-") ? .zh : .en
        }
        return .en
    }

    static let unknownSetting = MessageTemplate(
        "language.unknown",
        en: "{setting} takes {accepted}, not \"{value}\"",
        zh: "{setting} 只接受 {accepted}，不接受“{value}”")

    static let messages = [unknownSetting]
}
