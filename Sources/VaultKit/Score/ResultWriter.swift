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

    /// The new content of a record file: its result line replaced in place, or appended.
    public static func updated(_ bytes: [UInt8], result a: AllianceResult) -> [UInt8] {
        let newLine = Array(line(for: a).utf8)
        if let written = a.written, !written.extraLineStarts.isEmpty {
            // Drop the extra result lines first (last to first, so offsets stay valid).
            var trimmed = bytes
            for start in written.extraLineStarts.sorted(by: >) {
                var end = start
                while end < trimmed.count, trimmed[end] != 0x0A { end += 1 }
                trimmed.removeSubrange(start..<min(trimmed.count, end + 1))
            }
            var single = a
            single.written!.extraLineStarts = []
            return updated(trimmed, result: single)
        }
        if let written = a.written {
            var end = written.lineStart
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            // Keep a trailing comment on the result line.
            let old = bytes[written.lineStart..<end]
            var comment: ArraySlice<UInt8> = []
            if let hash = old.firstIndex(of: UInt8(ascii: "#")), hash > old.startIndex, old[hash - 1] == 0x20 {
                comment = [0x20, 0x20] + old[hash...]
            }
            return Array(bytes[..<written.lineStart]) + newLine + comment + Array(bytes[end...])
        }
        var out = bytes
        if let last = out.last, last != 0x0A { out.append(0x0A) }
        return out + newLine + [0x0A]
    }

    /// Writes every result of `results` under `root`; returns the files that changed.
    public static func write(_ results: [String: PeriodResult], root: String) throws(FileSystemError) -> [String] {
        var changed: [String] = []
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
                let message = DiskFileSystem.errnoText()
                close(fd)
                unlink(temporary)
                throw FileSystemError(message: "cannot write \(path): \(message)",
                                      hint: "the file was left as it was; free disk space and run again")
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
