// libFuzzer target: any bytes as an alliance's record file, parsed and bound
// against the example schema. It must never crash, hang or trip the address
// sanitizer; every problem has to come back as a diagnostic.
import Foundation

let table: KindTable = {
    let project = Loader.load(MemoryFileSystem(files: ExampleProject.base))
    return Loader.recordTable(project.vault.schemas["test"]!)
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRecordParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parsed = LineParser.parse(SourceText(path: "vault/alliances/x/2023.txt", bytes: bytes))
    let (bound, _) = Binder.bind(parsed, table: table, bands: [], place: .allianceRecords)
    for record in bound.records {
        _ = bound.site(record).diagnostic(SyntaxRule.description, at: Int(bound.rawLine(of: record).start), "x")
        for field in bound.kind(of: record).fields { _ = bound.text(record, field.id) }
    }
    var files = ExampleProject.base
    files["vault/alliances/示例/2023.txt"] = String(decoding: bytes, as: UTF8.self)
    _ = Linter.lint(MemoryFileSystem(bytes: files.mapValues { Array($0.utf8) }.merging(["vault/alliances/示例/2023.txt": bytes]) { $1 }))
    if let text = String(bytes: bytes, encoding: .utf8) {
        _ = Formatter.format(Array(text.utf8), path: "f.txt", table: table, sort: true)
    }
    return 0
}
