import VaultKit

/// The words of a project a command line names: period, alliance and schema ids, read
/// from the directory listing (nothing is loaded), for completion and "which period?".
enum ProjectWords {
    static func periods(_ fs: DiskFileSystem) -> [String] { files(fs, in: "vault/periods", ending: ".txt") }

    static func schemas(_ fs: DiskFileSystem) -> [String] { files(fs, in: "schemas", ending: ".txt") }

    static func alliances(_ fs: DiskFileSystem) -> [String] {
        let entries = (try? fs.entries(in: "vault/alliances")) ?? []
        return entries.filter { $0.type == .directory }.map(\.name).sorted()
    }

    private static func files(_ fs: DiskFileSystem, in directory: String, ending: String) -> [String] {
        let entries = (try? fs.entries(in: directory)) ?? []
        return entries.filter { $0.type == .file && $0.name.hasSuffix(ending) && $0.name.count > ending.count }
            .map { String($0.name.dropLast(ending.count)) }.sorted()
    }
}
