import ArgumentParser
import DocketInterchange
import DocketStore
import Foundation

extension ExportCommand {
    /// `--format noark5`: the transfer package in the folder given with `-o`, and what it holds.
    func exportNoark5(store: Store) throws {
        var exporter = Noark5Exporter(store: store, generator: "docket \(Docket.configuration.version)")
        exporter.includePapers = papers
        let scope = Noark5Exporter.Scope(body: body, year: year, from: since, to: to)
        let summary = try exporter.export(scope: scope, to: URL(fileURLWithPath: output))
        print("""
            Noark 5-arkivuttrekk i \(output): \(summary.meetings) møtemapper, \(summary.registrations) møteregistreringer, \
            \(summary.documentDescriptions) dokumentbeskrivelser, \(summary.documentFiles) dokumentfiler \
            (\(summary.papers) møtedokumenter som PDF/A-3b, \(summary.attachments) vedlegg), \(summary.corrections) endringer, \
            \(summary.exemptItems) skjermede saker
            """)
    }
}

extension ExportCommand {
    /// `--format einnsyn`: the meetings as eInnsyn's API models, in one JSON file.
    func exportEInnsyn(store: Store) throws -> Data {
        let exporter = EInnsynExporter(store: store, generator: "docket \(Docket.configuration.version)")
        return try exporter.export(scope: EInnsynExporter.Scope(body: body, year: year, from: since, to: to, isPublic: `public`))
    }
}
