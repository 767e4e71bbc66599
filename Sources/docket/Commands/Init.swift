import ArgumentParser
import DocketStore
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new Docket database, or bring an existing one up to this version's schema.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let existed = FileManager.default.fileExists(atPath: store.path)
        let opened = try store.create()
        print("\(existed ? "Opened" : "Created") \(store.path) (schema version \(try opened.schemaVersion))")
    }
}
