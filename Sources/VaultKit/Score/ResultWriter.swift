#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `vault score --write`: each alliance's `result` line in its period file, and
/// `vault/results/PERIOD.tsv`. Writes are atomic (a temporary file beside the
/// target, then rename), touch no other line, and a second run changes no byte.
public enum ResultWriter {
    /// What a result line must say, as written to the file.
    public static func line(for a: AllianceResult) -> String {
        var fields = ["result", "status=\(a.status.rawValue)"]
        if let score = a.score { fields.append("score=\(score)") }
        if let band = a.band { fields.append("band=\(band.id)") }
        if let rank = a.rank { fields.append("rank=\(rank)") }
        return fields.joined(separator: " ")
    }

    /// The text of a written result line, for comparing with `line(for:)`.
    public static func line(for w: WrittenResult) -> String {
        var fields = ["result", "status=\(w.status)"]
        if let score = w.score { fields.append("score=\(Points(FixedDecimal(score) ?? FixedDecimal(0)))") }
        if let band = w.band { fields.append("band=\(band)") }
        if let rank = w.rank { fields.append("rank=\(rank)") }
        return fields.joined(separator: " ")
    }

    /// The new content of a record file: its `result` lines removed and the new one put
    /// where `vault fmt` would put it (after the undated published, designation and
    /// participation lines, before the comment lines that belong to the next record),
    /// keeping the old line's trailing comment and the comment lines directly above it
    /// (a suppression of it among them); no other line changes. In a file in canonical
    /// form that is the old line's place, so the file stays canonical. A suppression
    /// alone on the line above a further `result` line (a union merge can leave two) goes
    /// with it: left, it would acknowledge the findings of whatever record came next.
    /// The bytes are parsed afresh, so an edit made since the vault was loaded is kept.
    public static func updated(_ bytes: [UInt8], result a: AllianceResult) -> [UInt8] {
        let parsed = LineParser.parse(SourceText(path: "", bytes: bytes))
        let results = parsed.lines.filter { parsed.string($0.kind) == "result" }
        func lineEnd(_ start: Int, in bytes: [UInt8]) -> Int {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            return end
        }
        /// The start of the comment lines directly above the line starting at `offset`.
        func attachedComments(above offset: Int, in bytes: [UInt8]) -> Int {
            var top = offset
            while top > 0 {
                var start = top - 1
                while start > 0, bytes[start - 1] != 0x0A { start -= 1 }
                let text = bytes[start..<(top - 1)].drop { $0 == 0x20 || $0 == 0x09 }
                guard text.first == UInt8(ascii: "#") else { break }
                top = start
            }
            return top
        }
        var newLine: [UInt8] = []
        var cuts: [Range<Int>] = []
        if let first = results.first {
            let start = Int(first.start)
            let top = attachedComments(above: start, in: bytes)
            newLine += bytes[top..<start]
            cuts.append(top..<min(bytes.count, lineEnd(start, in: bytes) + 1))
        }
        newLine += Array(line(for: a).utf8)
        if let first = results.first, let hash = Formatter.trailingComment(first, parsed: parsed) {
            newLine += Array(("  " + hash).utf8)
        }
        newLine.append(0x0A)
        var lineStarts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(offset + 1) }
        let duplicates = Set(results.dropFirst().map { Int($0.number) })
        for suppression in parsed.suppressions
        where duplicates.contains(suppression.target) && suppression.location.line < suppression.target {
            let start = lineStarts[suppression.location.line - 1]
            cuts.append(start..<min(bytes.count, lineEnd(start, in: bytes) + 1))
        }
        for line in results.dropFirst() {
            let start = Int(line.start)
            cuts.append(start..<min(bytes.count, lineEnd(start, in: bytes) + 1))   // the line and its LF
        }
        var body: [UInt8] = []
        body.reserveCapacity(bytes.count + newLine.count)
        var cursor = 0
        for cut in cuts.sorted(by: { $0.lowerBound < $1.lowerBound }) where cut.lowerBound >= cursor {
            body += bytes[cursor..<cut.lowerBound]
            cursor = cut.upperBound
        }
        if cursor < bytes.count { body += bytes[cursor...] }
        if let last = body.last, last != 0x0A { body.append(0x0A) }
        let remaining = results.isEmpty ? parsed : LineParser.parse(SourceText(path: "", bytes: body))
        let before = precedingKinds
        var insertAt = body.count
        if let next = remaining.lines.first(where: { $0.date != nil || !before.contains(remaining.string($0.kind)) }) {
            // The comment lines directly above a record travel with it (vault fmt keeps them together).
            insertAt = attachedComments(above: Int(next.start), in: body)
        }
        return Array(body[..<insertAt]) + newLine + Array(body[insertAt...])
    }

    /// The record kinds `vault fmt` sorts before an (undated) `result` line: the core kinds above it.
    static let precedingKinds: Set<String> = {
        let kinds = CoreSchema.kinds(for: .records).map(\.id)
        return Set(kinds.prefix { $0 != "result" })
    }()

    /// Writes every result of `results` under `root`; returns the files that changed.
    /// `leftovers` are temporary files interrupted writers left (`Vault.leftovers`); they are removed.
    public static func write(_ results: [String: PeriodResult], root: String,
                             leftovers: [String] = []) throws(FileSystemError) -> [String] {
        var changed: [String] = []
        let lock = try WriteLock(root: root)
        defer { withExtendedLifetime(lock) {} }
        lock.removeLeftovers(leftovers, root: root)
        let fs = try DiskFileSystem(root: root)
        for periodID in results.keys.sorted() {
            let result = results[periodID]!
            guard result.schema != nil else { continue }
            for alliance in result.alliances {
                let path = "vault/alliances/\(alliance.id)/\(periodID).txt"
                guard alliance.written.map({ line(for: $0) != line(for: alliance) || !$0.extraLineStarts.isEmpty }) ?? true else { continue }
                // Only alliances with a record file for the period get a result line.
                guard let before = try? fs.read(path) else { continue }
                let after = updated(before, result: alliance)
                if after != before {
                    try AtomicFile.write(after, to: root + "/" + path)
                    changed.append(path)
                }
            }
            guard result.hasResults else { continue }
            let table = Array(ScoreTable.tsv(result).utf8)
            let path = "vault/results/\(periodID).tsv"
            let current = try? fs.read(path)
            if current != table {
                try AtomicFile.ensureDirectory(root + "/vault/results")
                try AtomicFile.write(table, to: root + "/" + path)
                changed.append(path)
            }
        }
        return changed
    }
}

/// Replaces a file's content atomically: a reader sees the old bytes or the new, never half.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws(FileSystemError) {
        // A file its owner made read-only stays as it is (rename would replace it regardless).
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IWUSR == 0 {
            throw FileSystemError(message: "\(path) is read-only; it was left as it was",
                                  hint: "make it writable (chmod u+w) if it should change, then run again")
        }
        let directory = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let name = path.split(separator: "/").last.map(String.init) ?? "file"
        let temporary = "\(directory)/.\(name).tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw FileSystemError(message: "cannot write \(path): \(DiskFileSystem.errnoText())",
                                  hint: "check that the directory is writable and the disk is not full")
        }
        var offset = 0
        while offset < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n < 0 {
                if errno == EINTR { continue }
                let tooLarge = errno == EFBIG
                let message = DiskFileSystem.errnoText()
                close(fd)
                unlink(temporary)
                throw FileSystemError(message: "cannot write \(path): \(message)",
                                      hint: tooLarge ? "the file was left as it was; the file-size limit (ulimit -f) is too small for it"
                                                     : "the file was left as it was; free disk space and run again")
            }
            offset += n
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temporary, path) == 0 else {
            let message = DiskFileSystem.errnoText()
            unlink(temporary)
            throw FileSystemError(message: "cannot replace \(path): \(message)", hint: "the file was left as it was")
        }
    }

    public static func ensureDirectory(_ path: String) throws(FileSystemError) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw FileSystemError(message: "cannot create \(path): \(DiskFileSystem.errnoText())", hint: nil)
        }
    }
}
