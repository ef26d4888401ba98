import VaultKit

/// A usage error: what was wrong, and the usage to show with it.
struct UsageError: Error {
    var message: String
    var usage: String
}

/// The options one command accepts; parsing is strict, with "did you mean" for typos.
struct OptionSpec {
    var flags: [String] = []
    var valued: [String: [String]] = [:]
    var positionals: ClosedRange<Int> = 0...0
    var usage: String

    struct Parsed {
        var flags: Set<String> = []
        var values: [String: String] = [:]
        var positionals: [String] = []
    }

    func parse(_ arguments: [String]) throws(UsageError) -> Parsed {
        var parsed = Parsed()
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if argument.hasPrefix("-") && argument != "-" {
                var name = argument
                var inline: String?
                if let equals = argument.firstIndex(of: "=") {
                    name = String(argument[..<equals])
                    inline = String(argument[argument.index(after: equals)...])
                }
                if flags.contains(name), inline == nil {
                    parsed.flags.insert(name)
                } else if let allowed = valued[name] {
                    guard let value = inline ?? (index < arguments.count ? arguments[index] : nil) else {
                        throw UsageError(message: "option \(name) needs a value\(allowed.isEmpty ? "" : " (\(allowed.joined(separator: ", ")))")", usage: usage)
                    }
                    if inline == nil { index += 1 }
                    guard allowed.isEmpty || allowed.contains(value) else {
                        let guess = Suggest.closest(to: value, in: allowed).map { "; did you mean \"\($0)\"?" } ?? ""
                        throw UsageError(message: "\(name) takes \(allowed.joined(separator: ", ")), not \"\(value)\"\(guess)", usage: usage)
                    }
                    parsed.values[name] = value
                } else {
                    let known = flags + valued.keys.sorted()
                    let guess = Suggest.closest(to: name, in: known).map { "; did you mean \($0)?" } ?? ""
                    throw UsageError(message: "unknown option \(name)\(guess)", usage: usage)
                }
            } else {
                parsed.positionals.append(argument)
            }
        }
        guard positionals.contains(parsed.positionals.count) else {
            let extra = parsed.positionals.count > positionals.upperBound
            throw UsageError(message: extra ? "unexpected argument \"\(parsed.positionals[positionals.upperBound])\"" : "missing argument",
                             usage: usage)
        }
        return parsed
    }
}
