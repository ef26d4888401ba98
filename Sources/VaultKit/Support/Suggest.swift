/// "Did you mean …?": the closest candidate by edit distance, when it is close enough
/// to be a typo rather than a different word.
public enum Suggest {
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let target = Array(word.unicodeScalars)
        var best: (String, Int)?
        for candidate in candidates {
            // A candidate whose length is further off than any distance allowed below
            // cannot be the answer: skipping it keeps a megabyte-long word linear.
            let length = candidate.unicodeScalars.count
            guard abs(length - target.count) <= max(1, min(target.count, length) / 3) else { continue }
            let distance = editDistance(target, Array(candidate.unicodeScalars))
            if distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        guard let (candidate, distance) = best else { return nil }
        let limit = max(1, min(target.count, candidate.unicodeScalars.count) / 3)
        return distance <= limit ? candidate : nil
    }

    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        // Optimal string alignment: two neighbours swapped ("lnit", "2105") are one edit.
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}

extension Suggest {
    public static let didYouMean = MessageTemplate("suggest.did-you-mean", en: "did you mean \"{name}\"?", zh: "是不是“{name}”？")

    /// "did you mean "X"?" naming the closest candidate, else `otherwise`: the hint of
    /// a name that is not known.
    public static func hint(for word: String, in candidates: [String], otherwise: @autoclosure () -> Message) -> Message {
        closest(to: word, in: candidates).map { didYouMean(["name": .text($0)]) } ?? otherwise()
    }

    public static let messages = [didYouMean]
}
