/// Finds an alliance as a user names it: by its id (the directory name), its code,
/// its full name, a former name (an `alias` line), or its short name; exactly first,
/// then ignoring spaces and ASCII case (sources print "TD 产业…" and "TD产业…").
public enum AllianceLookup {
    public enum Outcome: Equatable, Sendable {
        case found(String)
        /// Several alliances answer to the name (a short name or former name they share).
        case ambiguous([String])
        /// No alliance; the closest id, and the name that was close when it is not the id.
        case notFound(closest: String?, via: String?)
    }

    public static func find(_ wanted: String, in vault: Vault) -> Outcome {
        if vault.alliances[wanted] != nil { return .found(wanted) }
        for loose in [false, true] {
            let key = loose ? normalised(wanted) : wanted
            var ids: [String] = []
            for alliance in vault.orderedAlliances {
                let names = [alliance.code, alliance.name, alliance.short].compactMap { $0 } + alliance.aliases
                if names.contains(where: { (loose ? normalised($0) : $0) == key }) { ids.append(alliance.id) }
            }
            if ids.count == 1 { return .found(ids[0]) }
            if ids.count > 1 { return .ambiguous(ids) }
        }
        var candidates: [String] = []
        var owner: [String: String] = [:]
        for alliance in vault.orderedAlliances {
            for name in [alliance.id, alliance.name, alliance.short].compactMap({ $0 }) + alliance.aliases where owner[name] == nil {
                owner[name] = alliance.id
                candidates.append(name)
            }
        }
        guard let close = Suggest.closest(to: wanted, in: candidates), let id = owner[close] else {
            return .notFound(closest: nil, via: nil)
        }
        return .notFound(closest: id, via: close == id ? nil : close)
    }

    static func normalised(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.compactMap { s -> Unicode.Scalar? in
            if s.properties.isWhitespace { return nil }
            return (65...90).contains(s.value) ? Unicode.Scalar(UInt8(s.value) | 0x20) : s
        }))
    }
}

extension Suggest {
    /// The period a user most likely meant: a year names the period whose dates hold
    /// it (`2023` is `2022-2023`, not `2013`), a date the period that holds that day;
    /// otherwise the closest id.
    public static func period(for wanted: String, in periods: [Period]) -> String? {
        let sorted = periods.sorted { $0.id < $1.id }
        let digits = wanted.unicodeScalars.allSatisfy { $0.value >= 48 && $0.value <= 57 }
        if digits, wanted.unicodeScalars.count == 4, let year = Int(wanted) {
            if let p = sorted.first(where: { p in
                guard let start = p.start?.year ?? yearRange(p.id)?.lowerBound,
                      let end = p.end?.year ?? yearRange(p.id)?.upperBound else { return false }
                return start <= year && year <= end
            }) { return p.id }
        } else if let day = Day(wanted) {
            if let p = sorted.first(where: { p in
                guard let start = p.start, let end = p.end else { return false }
                return start <= day && day <= end
            }) { return p.id }
        }
        return closest(to: wanted, in: sorted.map(\.id))
    }

    /// `2022-2023` as the years 2022...2023, `2015` as 2015...2015.
    static func yearRange(_ id: String) -> ClosedRange<Int>? {
        let parts = id.split(separator: "-")
        guard (1...2).contains(parts.count), parts.allSatisfy({ $0.count == 4 }),
              let a = Int(parts[0]), let b = Int(parts[parts.count - 1]), a <= b else { return nil }
        return a...b
    }
}
