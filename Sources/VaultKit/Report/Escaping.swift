/// Escaping for every place a value, name or path from the vault is printed. A
/// contributor writes the vault (values, alliance and directory names, handles,
/// file names), so nothing they write may print as a terminal escape, start a
/// line of its own, run as a CI workflow command, add Markdown structure to a
/// pull-request comment, or add an ownership line to CODEOWNERS. One function per
/// target format; the reporters pass every user-derived string through the one
/// for the format it lands in.
public enum Escape {
    /// Whether a scalar is shown as an escape rather than printed: C0 and C1
    /// controls and DEL (a terminal acts on them: ESC starts a sequence, LF and
    /// CR start a line), the line and paragraph separators, the bidirectional
    /// formatting characters (which reorder what a reader sees) and the invisible
    /// byte-order mark.
    @inline(__always)
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x20 || v == 0x7F { return true }
        if v < 0x80 { return false }
        if v < 0xA0 { return true }
        if v < 0x061C { return false }
        switch v {
        case 0x061C, 0x200B, 0x200E, 0x200F, 0x2028...0x202E, 0x2060...0x2069, 0xFEFF: return true
        default: return false
        }
    }

    /// The visible form of an unsafe scalar: `\n`, `\r`, `\t`, else `\u{1B}`.
    public static func visible(_ s: Unicode.Scalar) -> String {
        switch s {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        default: "\\u{" + String(s.value, radix: 16, uppercase: true) + "}"
        }
    }

    /// Text for a terminal, a log or a plain-text report: unsafe scalars shown as
    /// `\n`, `\u{1B}` …, so the text stays on its line and sends no escape sequence;
    /// and neither of GitHub's workflow-command forms can appear (a CI log runs a
    /// line starting `::` and, anywhere in a line, `##[command]`): a leading `::`
    /// and every `##[` are shown with the `:` or `[` escaped.
    public static func terminal(_ text: String) -> String {
        guard needsTerminalEscape(text) else { return text }
        var out = String.UnicodeScalarView()
        var hashes = 0
        for (index, s) in text.unicodeScalars.enumerated() {
            if isUnsafe(s) {
                out.append(contentsOf: visible(s).unicodeScalars)
            } else if s == "[" && hashes >= 2 {
                out.append(contentsOf: "\\u{5B}".unicodeScalars)
            } else if index == 0 && s == ":" && text.utf8.starts(with: "::".utf8) {
                out.append(contentsOf: "\\u{3A}".unicodeScalars)
            } else {
                out.append(s)
            }
            hashes = s == "#" ? hashes + 1 : 0
        }
        return String(out)
    }

    /// The common case first: one pass over the bytes finds nothing to escape. The
    /// non-ASCII unsafe scalars are C2 80–9F (C1), D8 9C (U+061C), E2 80 8B–8F,
    /// E2 80 A8–AE, E2 81 A0–A9 and EF BB BF; other CJK text passes untouched.
    @inline(__always)
    static func needsTerminalEscape(_ text: String) -> Bool {
        if text.utf8.starts(with: "::".utf8) { return true }
        var hashes = 0
        var a: UInt8 = 0, b: UInt8 = 0   // the two bytes before
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x7F { return true }
            if byte == 0x5B && hashes >= 2 { return true }
            if byte >= 0x80 && byte < 0xC0 {
                switch (b, byte) {
                case (0xC2, 0x80...0x9F), (0xD8, 0x9C): return true
                default: break
                }
                switch (a, b, byte) {
                case (0xE2, 0x80, 0x8B...0x8F), (0xE2, 0x80, 0xA8...0xAE), (0xE2, 0x81, 0xA0...0xA9), (0xEF, 0xBB, 0xBF): return true
                default: break
                }
            }
            hashes = byte == 0x23 ? hashes + 1 : 0
            a = b
            b = byte
        }
        return false
    }

    /// Text inside a line of Markdown (a pull-request comment, a wiki page, a table
    /// cell): terminal-escaped, then every character Markdown or GitHub could read as
    /// structure is backslash-escaped (CommonMark renders `\*` as `*`): emphasis,
    /// code spans, links and images, HTML and comments (`<!--` would hide the rest of
    /// the comment), table pipes, strike-through, entities, mentions, math (`$`) and
    /// issue references. (`-`, `+`, `.` and `=` make structure only at a line's start,
    /// where no user text is ever put: with newlines escaped it cannot start a line.)
    public static func markdownInline(_ text: String) -> String {
        let safe = terminal(text)
        guard safe.utf8.contains(where: { markdownSpecial.contains($0) }) else { return safe }
        var out = ""
        for s in safe.unicodeScalars {
            if s.isASCII, markdownSpecial.contains(UInt8(s.value)) { out += "\\" }
            out.unicodeScalars.append(s)
        }
        return out
    }

    /// A table cell: inline Markdown (whose escapes include `|`).
    public static func markdownTableCell(_ text: String) -> String { markdownInline(text) }

    static let markdownSpecial: Set<UInt8> = Set("\\`*_[]<>#!|~&@$".utf8)

    /// Text or an attribute value in HTML/XHTML: terminal-escaped (XML 1.0 allows no
    /// C0 control even as a reference), then `& < > " '` as entities.
    public static func html(_ text: String) -> String {
        var out = ""
        for scalar in terminal(text).unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A workflow command's message (`::error …::MESSAGE`): GitHub's encoding, `%`
    /// as `%25`, CR as `%0D`, LF as `%0A`; the other unsafe scalars are shown as
    /// escapes, so the annotation shows no terminal sequence, and `##[` as `##\u{5B}`
    /// (the runner reads a line as its own command first, but the log stays free of
    /// the legacy form whatever the runner's order).
    public static func githubCommandData(_ text: String) -> String {
        var out = ""
        var hashes = 0
        for s in text.unicodeScalars {
            switch s {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case "[" where hashes >= 2: out += "\\u{5B}"
            case let s where isUnsafe(s): out += visible(s)
            default: out.unicodeScalars.append(s)
            }
            hashes = s == "#" ? hashes + 1 : 0
        }
        return out
    }

    /// A workflow command's property value (`file=…,title=…`): the message's
    /// encoding, and `:` as `%3A`, `,` as `%2C`.
    public static func githubCommandProperty(_ text: String) -> String {
        githubCommandData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }

    /// A path pattern in CODEOWNERS, where a space ends the pattern and `#` starts a
    /// comment: they are written `\ ` and `\#` (GitHub's documented escapes). A path
    /// holding an unsafe scalar (a newline would start an ownership line of its own)
    /// or a character CODEOWNERS reads as pattern syntax (`*`, `?`, `[`, `]`, `\`, `!`:
    /// an alliance named `*` would own every alliance) has no exact CODEOWNERS form:
    /// nil, and the caller refuses it.
    public static func codeownersPath(_ path: String) -> String? {
        var out = ""
        for s in path.unicodeScalars {
            if isUnsafe(s) || "*?[]\\!".unicodeScalars.contains(s) { return nil }
            if s == " " || s == "#" { out += "\\" }
            out.unicodeScalars.append(s)
        }
        return out
    }

    /// Whether a handle is a CODEOWNERS owner: `@user`, `@org/team` or an e-mail
    /// address, and nothing else (a space or newline would add owners or lines).
    public static func isCodeownersOwner(_ handle: String) -> Bool {
        let bytes = Array(handle.utf8)
        guard !bytes.isEmpty, bytes.count <= 254 else { return false }
        func isWordByte(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 || b >= 0x41 && b <= 0x5A || b >= 0x61 && b <= 0x7A }
        if bytes[0] == 0x40 {   // @user or @org/team
            let parts = bytes.dropFirst().split(separator: 0x2F, omittingEmptySubsequences: false)
            guard parts.count == 1 || parts.count == 2 else { return false }
            let user = parts[0]
            guard let first = user.first, isWordByte(first), user.count <= 39,
                  user.allSatisfy({ isWordByte($0) || $0 == 0x2D }) else { return false }
            if parts.count == 2 {
                let team = parts[1]
                guard let lead = team.first, isWordByte(lead), team.count <= 100,
                      team.allSatisfy({ isWordByte($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }) else { return false }
            }
            return true
        }
        let halves = bytes.split(separator: 0x40, omittingEmptySubsequences: false)
        guard halves.count == 2, let local = halves.first, let domain = halves.last, !local.isEmpty,
              local.allSatisfy({ isWordByte($0) || Array("._%+-".utf8).contains($0) }) else { return false }
        let labels = domain.split(separator: 0x2E, omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && label.first != 0x2D && label.last != 0x2D && label.allSatisfy { isWordByte($0) || $0 == 0x2D }
        }
    }
}
