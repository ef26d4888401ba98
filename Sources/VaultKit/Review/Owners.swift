/// Who may change what: each alliance's files belong to its maintainers, each
/// expert's review file to that expert, and schemas, periods and results to the
/// secretariat. `vault codeowners` writes this as a CODEOWNERS file for the code
/// host to enforce; `vault diff --author` flags a change that crosses it.
public struct Owners: Sendable {
    public var secretariat: [String]
    public var alliances: [String: [String]]
    /// Review files (`vault/reviews/PERIOD/EXPERT.txt`) by path.
    public var reviews: [String: [String]]

    /// Where each handle was written, for a refusal that names the place.
    public private(set) var handleSites: [(handle: String, location: SourceLocation, kind: String)] = []

    /// Every handle the vault gives (secretariat, expert and maintainer records), with
    /// its file and record, in the order `Owners` reads them.
    public static func handles(in vault: Vault) -> [(file: BoundFile, record: Record, handle: String, kind: String)] {
        var found: [(file: BoundFile, record: Record, handle: String, kind: String)] = []
        for periodID in vault.periodIDs {
            let file = vault.periods[periodID]!.file
            for record in file.records(of: "secretariat") {
                if let handle = file.text(record, "handle") { found.append((file, record, handle, "secretariat")) }
            }
            for expert in vault.periods[periodID]!.experts {
                if let handle = file.text(expert.record, "handle") { found.append((file, expert.record, handle, "expert")) }
            }
        }
        for id in vault.allianceIDs {
            guard let file = vault.alliances[id]?.metadata else { continue }
            for record in file.records(of: "maintainer") {
                if let handle = file.text(record, "handle") { found.append((file, record, handle, "maintainer")) }
            }
        }
        return found
    }

    public init(_ vault: Vault) {
        var secretariat: Set<String> = []
        var reviews: [String: [String]] = [:]
        for periodID in vault.periodIDs {
            let period = vault.periods[periodID]!
            for record in period.file.records(of: "secretariat") {
                if let handle = period.file.text(record, "handle") { secretariat.insert(handle) }
            }
            for expert in period.experts {
                guard let handle = period.file.text(expert.record, "handle") else { continue }
                reviews["vault/reviews/\(periodID)/\(expert.id).txt"] = [handle]
            }
        }
        self.secretariat = secretariat.sorted()
        self.reviews = reviews
        var alliances: [String: [String]] = [:]
        for id in vault.allianceIDs {
            guard let file = vault.alliances[id]?.metadata else { continue }
            let handles = file.records(of: "maintainer").compactMap { file.text($0, "handle") }
            if !handles.isEmpty { alliances[id] = handles }
        }
        self.alliances = alliances
        handleSites = Self.handles(in: vault).map { file, record, handle, kind in
            (handle, file.parsed.text.location(line: Int(record.number), lineStart: Int(record.start),
                                               offset: file.offset(of: "handle", in: record)), kind)
        }
    }

    /// The owners of a project path.
    public func owners(of path: String) -> [String] {
        if let handles = reviews[path] { return handles }
        let parts = path.split(separator: "/").map(String.init)
        if parts.count >= 3, parts[0] == "vault", parts[1] == "alliances", let handles = alliances[parts[2]] { return handles }
        return secretariat
    }

    /// Why a CODEOWNERS file cannot be written as the vault says: a handle that is not
    /// an owner (a space or newline in it would add owners or whole ownership lines),
    /// a path CODEOWNERS cannot name exactly.
    public struct Problem: Sendable, Equatable {
        public var location: SourceLocation
        public var message: Message
        public var hint: Message
    }

    /// Every problem in the order of the file's lines; `vault codeowners` refuses to
    /// write while there is one.
    public func problems(prefix: String) -> [Problem] {
        var problems: [Problem] = []
        for (handle, location, kind) in handleSites where !Escape.isCodeownersOwner(handle) {
            problems.append(Problem(location: location,
                                    message: BadHandleRule.message(kind, handle), hint: BadHandleRule.hint))
        }
        if !prefix.isEmpty, Escape.codeownersPath(prefix) == nil {
            problems.append(Problem(location: .file(prefix), message: Self.projectPath(["path": .text(prefix)]), hint: Self.moveProject()))
        }
        for id in alliances.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) where Escape.codeownersPath(id) == nil {
            problems.append(Problem(location: .file("vault/alliances/\(id)/"),
                                    message: Self.allianceDirectory(["id": .text(id)]), hint: Self.renameDirectory()))
        }
        for path in reviews.keys.sorted() where Escape.codeownersPath(path) == nil {
            problems.append(Problem(location: .file(path), message: Self.reviewFile(["path": .text(path)]), hint: Self.renameExpert()))
        }
        return problems
    }

    static let projectPath = MessageTemplate(
        "owners.project-path", en: "the project's directory \"{path}\" cannot be named in CODEOWNERS", zh: "项目目录“{path}”无法写进 CODEOWNERS")
    static let moveProject = MessageTemplate(
        "owners.project-path.hint", en: "move the project to a directory whose name has no control character or *?[]\\!",
        zh: "请把项目移到名称中不含控制字符和 *?[]\\! 的目录")
    static let allianceDirectory = MessageTemplate(
        "owners.alliance-path", en: "alliance directory \"{id}\" cannot be named in CODEOWNERS", zh: "联盟目录“{id}”无法写进 CODEOWNERS")
    static let renameDirectory = MessageTemplate(
        "owners.alliance-path.hint", en: "rename the directory: no control character or *?[]\\! in an alliance id",
        zh: "请重命名该目录：联盟标识中不能有控制字符和 *?[]\\!")
    static let reviewFile = MessageTemplate(
        "owners.review-path", en: "review file \"{path}\" cannot be named in CODEOWNERS", zh: "评审文件“{path}”无法写进 CODEOWNERS")
    static let renameExpert = MessageTemplate(
        "owners.review-path.hint", en: "give the expert an id with no control character or *?[]\\!",
        zh: "请给这位专家换一个不含控制字符和 *?[]\\! 的编号")

    /// The refusals of `problems` (a bad handle's are `BadHandleRule`'s).
    public static let messages = [projectPath, moveProject, allianceDirectory, renameDirectory, reviewFile, renameExpert]

    /// CODEOWNERS lines; `prefix` is the project's path inside the repository. Paths
    /// are escaped for CODEOWNERS and only well-formed owners are written, so no value
    /// of the vault can add a line or an owner; a path or handle that has no exact
    /// form is left out (see `problems`, which names it).
    public func codeowners(prefix: String) -> String {
        func line(_ path: String, _ handles: [String]) -> String? {
            let owners = handles.filter(Escape.isCodeownersOwner)
            guard !owners.isEmpty, let pattern = Escape.codeownersPath(prefix + path) else { return nil }
            return "/\(pattern) \(owners.joined(separator: " "))"
        }
        var lines = ["# Generated by `vault codeowners` from the vault's maintainer, expert and secretariat",
                     "# records; edit those and run it again rather than editing this file.",
                     "# Later lines take precedence."]
        lines += [line("schemas/", secretariat), line("vault/", secretariat)].compactMap { $0 }
        for (id, handles) in alliances.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
            if let l = line("vault/alliances/\(id)/", handles) { lines.append(l) }
        }
        for (path, handles) in reviews.sorted(by: { $0.key < $1.key }) {
            if let l = line(path, handles) { lines.append(l) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Files a change touched that `author` does not own (the secretariat may touch any).
    /// A file nobody is named for (no `secretariat` line in the vault) is not the author's
    /// either: it is flagged with no owners.
    public func trespasses(by author: String, in paths: [String]) -> [(path: String, owners: [String])] {
        guard !secretariat.contains(author) else { return [] }
        return paths.compactMap { path in
            let owners = owners(of: path)
            return owners.contains(author) ? nil : (path, owners)
        }
    }

    /// Who maintains a file, as a sentence part: the handles, or the secretariat when none is named.
    public static func describe(_ owners: [String]) -> String {
        owners.isEmpty ? "the secretariat (no `secretariat` line of vault/periods/ names anyone)" : owners.joined(separator: " ")
    }
}
