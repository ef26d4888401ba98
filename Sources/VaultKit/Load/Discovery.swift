import Foundation

/// A file the layout gives a role to.
public struct DiscoveredFile: Sendable {
    public var path: String
    public var role: FileRole
    /// The schema, period or expert id the file's name gives.
    public var id: String
    /// For alliance files, the alliance's directory name.
    public var alliance: String?
    /// For review files, the period directory they sit in.
    public var period: String?
}

/// Walks `schemas/` and `vault/` and gives each file its role by where it is.
/// Anything the layout does not allow is reported and left out; nothing else stops.
enum Discovery {
    struct Result {
        var files: [DiscoveredFile] = []
        var allianceDirectories: [String] = []
        var diagnostics: [Diagnostic] = []
        /// Temporary files an interrupted writer left (`.NAME.tmp-NUMBER`).
        var leftovers: [String] = []
        /// Symbolic links and special files met, each said as "PATH" is WHAT: never
        /// opened, and the writers refuse to run while any is there.
        var refused: [Message] = []
    }

    /// Whether `name` is a writer's temporary file: `.NAME.tmp-NUMBER` (see `AtomicFile`).
    static func isLeftover(_ name: String) -> Bool {
        guard name.hasPrefix("."), let range = name.range(of: ".tmp-", options: .backwards) else { return false }
        let pid = name[range.upperBound...]
        return !pid.isEmpty && pid.allSatisfy { $0 >= "0" && $0 <= "9" }
    }

    static func discover(_ fs: any FileSystem) -> Result {
        var result = Result()
        var walker = Walker(fs: fs, result: result)
        // `schemas` and `vault` themselves may be links or special files too: reported, not walked.
        let top = (try? fs.entries(in: "")) ?? []
        func usable(_ name: String) -> Bool {
            guard let entry = top.first(where: { $0.name == name }) else { return true }
            return walker.usable(name, entry.type)
        }
        if usable("schemas") {
            walker.walk("schemas", expecting: IORule.schemaFiles) { name, type, walker in
                walker.file(name, type, in: "schemas", role: .schema)
            }
        }
        if usable("vault") {
            walker.walk("vault", expecting: IORule.vaultDirectories) { name, type, walker in
                walker.vaultEntry(name, type)
            }
        }
        result = walker.result
        return result
    }

    /// Whether `name` is a period id: `YYYY` or `YYYY-YYYY`.
    static func isPeriodID<S: StringProtocol>(_ name: S) -> Bool {
        // On bytes, with no copy: this runs for every file of the vault.
        let count = name.utf8.count
        guard count == 4 || count == 9 else { return false }
        for (offset, byte) in name.utf8.enumerated() {
            guard offset == 4 ? byte == 0x2D : byte >= 0x30 && byte <= 0x39 else { return false }
        }
        return true
    }

    /// `name` without `.txt`, or nil when it does not end so (or is only `.txt`).
    /// On bytes: `hasSuffix` and `dropLast` on a String walk its characters.
    static func stem(ofTextFile name: String) -> String? {
        let utf8 = name.utf8
        guard utf8.count > 4 else { return nil }
        let dot = utf8.index(utf8.endIndex, offsetBy: -4)
        guard utf8[dot...].elementsEqual(".txt".utf8) else { return nil }
        return String(name[..<dot])
    }

    private struct Walker {
        let fs: any FileSystem
        var result: Result

        mutating func walk(_ directory: String, expecting: MessageTemplate,
                           _ visit: (String, EntryType, inout Walker) -> Void) {
            let entries: [(name: String, type: EntryType)]
            do throws(FileSystemError) {
                entries = try fs.entries(in: directory)
            } catch {
                report(IORule.description, directory, IORule.cannotList(["path": .text(directory), "reason": error.reason]),
                       hint: error.hint ?? IORule.projectHolds(["expecting": .message(expecting())]))
                return
            }
            for entry in entries where entry.name != "README.md" {
                guard !entry.name.hasPrefix(".") else {
                    if Discovery.isLeftover(entry.name) { result.leftovers.append(directory + "/" + entry.name) }
                    continue
                }
                visit(entry.name, entry.type, &self)
            }
        }

        mutating func report(_ rule: RuleDescription, _ path: String, _ message: Message, hint: Message?) {
            result.diagnostics.append(rule.fileDiagnostic(path, message, hint: hint))
        }

        /// Reports a link outside the project or an unusable entry; true when the entry is usable.
        mutating func usable(_ path: String, _ type: EntryType) -> Bool {
            switch type {
            case .file, .directory:
                return true
            case .link(let target):
                let error = DiskFileSystem.notOpened("", what: FileSystemError.link(["target": .text(target)]), link: true)
                report(IORule.description, path, IORule.refused(["path": .text(path), "reason": error.reason]), hint: error.hint)
                result.refused.append(AtomicFile.refusedEntry(["path": .text(path), "what": .message(FileSystemError.link(["target": .text(target)]))]))
            case .other(let why):
                let error = DiskFileSystem.notOpened("", what: why, link: false)
                report(IORule.description, path, IORule.refused(["path": .text(path), "reason": error.reason]), hint: error.hint)
                result.refused.append(AtomicFile.refusedEntry(["path": .text(path), "what": .message(why)]))
            }
            return false
        }

        mutating func file(_ name: String, _ type: EntryType, in directory: String, role: FileRole,
                           alliance: String? = nil, period: String? = nil) {
            let path = directory + "/" + name
            guard usable(path, type) else { return }
            guard type == .file else {
                report(LayoutRule.description, path, LayoutRule.directoryForFile(["path": .text(path)]),
                       hint: (role == .schema ? LayoutRule.onlySchemaFiles : LayoutRule.onlyRecordFiles)(["directory": .text(directory)]))
                return
            }
            guard let id = Discovery.stem(ofTextFile: name) else {
                report(LayoutRule.description, path, LayoutRule.unexpectedFile(["path": .text(path)]),
                       hint: LayoutRule.textFilesOnly(["directory": .text(directory)]))
                return
            }
            if role == .period || role == .records, id != "alliance", !Discovery.isPeriodID(id) {
                report(LayoutRule.description, path, LayoutRule.notAPeriod(["name": .text(name)]),
                       hint: role == .records ? LayoutRule.nameRecordFiles() : LayoutRule.namePeriodFiles())
                return
            }
            let finalRole: FileRole = role == .records && id == "alliance" ? .alliance : role
            result.files.append(DiscoveredFile(path: path, role: finalRole, id: id, alliance: alliance, period: period))
        }

        mutating func vaultEntry(_ name: String, _ type: EntryType) {
            let path = "vault/" + name
            guard usable(path, type) else { return }
            switch (name, type) {
            case ("periods", .directory):
                walk(path, expecting: IORule.periodFiles) { name, type, walker in
                    walker.file(name, type, in: path, role: .period)
                }
            case ("alliances", .directory):
                var directories: [String] = []
                walk(path, expecting: IORule.allianceDirectories) { name, type, walker in
                    if walker.isAllianceDirectory(name, type) { directories.append(name) }
                }
                // Ten thousand directories: listed and visited on every core, then joined in order.
                let fs = self.fs
                let walked = parallelMap(directories) { name in
                    var walker = Walker(fs: fs, result: Result())
                    walker.walk(path + "/" + name, expecting: IORule.allianceFiles) { entry, entryType, walker in
                        walker.file(entry, entryType, in: path + "/" + name, role: .records, alliance: name)
                    }
                    return walker.result
                }
                result.allianceDirectories += directories
                for part in walked {
                    result.files += part.files
                    result.diagnostics += part.diagnostics
                    result.leftovers += part.leftovers
                    result.refused += part.refused
                }
            case ("reviews", .directory):
                walk(path, expecting: IORule.reviewDirectories) { name, type, walker in
                    walker.reviewDirectory(name, type)
                }
            case ("results", .directory):
                walk(path, expecting: IORule.resultTables) { name, type, walker in
                    walker.resultTable(name, type)
                }
            default:
                report(LayoutRule.description, path,
                       (type == .directory ? LayoutRule.unexpectedDirectory : LayoutRule.unexpectedFile)(["path": .text(path)]),
                       hint: LayoutRule.vaultHolds())
            }
        }

        mutating func resultTable(_ name: String, _ type: EntryType) {
            let path = "vault/results/" + name
            guard usable(path, type) else { return }
            guard type == .file, name.hasSuffix(".tsv"), Discovery.isPeriodID(name.dropLast(4)) else {
                report(LayoutRule.description, path, LayoutRule.unexpectedResult(["path": .text(path)]), hint: LayoutRule.resultsHold())
                return
            }
            result.files.append(DiscoveredFile(path: path, role: .results, id: String(name.dropLast(4))))
        }

        /// Whether an entry of vault/alliances/ is an alliance directory; reports it when not.
        mutating func isAllianceDirectory(_ name: String, _ type: EntryType) -> Bool {
            let path = "vault/alliances/" + name
            guard usable(path, type) else { return false }
            guard type == .directory else {
                report(LayoutRule.description, path, LayoutRule.fileForAlliance(["path": .text(path)]), hint: LayoutRule.allianceIsDirectory())
                return false
            }
            return true
        }

        mutating func reviewDirectory(_ name: String, _ type: EntryType) {
            let path = "vault/reviews/" + name
            guard usable(path, type) else { return }
            guard type == .directory, Discovery.isPeriodID(name) else {
                report(LayoutRule.description, path, LayoutRule.notReviewPeriod(["path": .text(path)]), hint: LayoutRule.reviewsGo())
                return
            }
            walk(path, expecting: IORule.reviewFiles) { entry, entryType, walker in
                walker.file(entry, entryType, in: path, role: .review, period: name)
            }
        }
    }
}
