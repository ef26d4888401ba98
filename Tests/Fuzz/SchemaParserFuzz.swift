// libFuzzer target: any bytes as a schema file. Loading a project with it must
// never crash; a broken schema is reported and its records are not checked.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchemaParser(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let parsed = LineParser.parse(SourceText(path: "schemas/test.txt", bytes: bytes))
    let (bound, _) = Binder.bind(parsed, table: MetaSchema.table, bands: [], place: .schema)
    _ = SchemaBuilder.build(id: "test", file: bound)
    var files = ExampleProject.base.mapValues { Array($0.utf8) }
    files["schemas/test.txt"] = bytes
    let result = Linter.lint(MemoryFileSystem(bytes: files))
    _ = Scorer.score(result.vault)
    return 0
}
