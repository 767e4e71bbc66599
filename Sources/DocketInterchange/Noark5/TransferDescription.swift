import DocketModel
import Foundation

/// `arkivuttrekk.xml`: the ADDML description of the package, after the standard's template
/// (`arkivuttrekk-mal-noark5-v5.0.xml`): who made the records, the system, the period, the counts
/// of mapper, registreringer and documents, and the SHA-256 of every file but itself and addml.xsd.
///
/// Left out of the template: `loependeJournal` and `offentligJournal`, journals of journalposter;
/// Docket keeps meetings, and a meeting archive has møteregistreringer, no journalposter. The
/// `endringslogg` object is left out, with the reason in the dataset's description, when no
/// approved minutes were corrected (its schema needs at least one `endring`).
struct TransferDescription {
    var creator: (id: String, name: String)
    var archiveTitle: String
    var generator: String
    var period: (start: CalendarDate, end: CalendarDate)
    var createdAt: Date
    var summary: Noark5Exporter.Summary
    var arkivstruktur: PackageFile
    var endringslogg: PackageFile?
    var schemas: [String: PackageFile]
    var documents: [PackageFile]
    var mappeCount: Int
    var includesPapers: Bool
    var hasExempt: Bool

    static let namespace = "http://www.arkivverket.no/standarder/addml"

    func document() -> Data {
        var description = "Noark 5-arkivuttrekk"
        var notes: [String] = []
        if endringslogg == nil {
            notes.append("endringslogg.xml er ikke med: ingen godkjente møtebøker i uttrekket er rettet i Docket, og endringslogg.xsd krever minst én endring")
        }
        notes.append("loependeJournal.xml og offentligJournal.xml er ikke med: Docket fører møter (møteregistreringer), ikke journalposter")
        if includesPapers {
            notes.append("Møtedokumentene (innkalling, saksliste, møtebok) er skrevet som PDF/A-3b av WeasyPrint; vedleggene ligger i originalformatet")
        } else {
            notes.append("Møtedokumentene er ikke skrevet (uten PDF/A); bare vedleggene ligger i DOKUMENT/")
        }
        if summary.attachmentsWithoutFile > 0 {
            notes.append("\(summary.attachmentsWithoutFile) vedlegg er bare beskrevet: filene er ikke lagret i Docket")
        }
        description += ". " + notes.joined(separator: ". ") + "."

        let context = XMLNode("context", children: [XMLNode("additionalElements", children: [
            XMLNode("additionalElement", attributes: [("name", "recordCreators")], children: [
                XMLNode("additionalElements", children: [
                    XMLNode("additionalElement", attributes: [("name", "recordCreator")], children: [XMLNode("value", creator.name)]),
                ]),
            ]),
            XMLNode("additionalElement", attributes: [("name", "systemType")], children: [XMLNode("value", "Møtesaksbehandling (Noark-5)")]),
            XMLNode("additionalElement", attributes: [("name", "systemName")], children: [XMLNode("value", generator)]),
            XMLNode("additionalElement", attributes: [("name", "archive")], children: [XMLNode("value", archiveTitle)]),
            // The one value that differs between two exports of an unchanged store.
            XMLNode("additionalElement", attributes: [("name", "extractionDate")], children: [
                XMLNode("value", TransferDescription.timestamp(createdAt)),
            ]),
        ])])
        let content = XMLNode("content", children: [XMLNode("additionalElements", children: [
            XMLNode("additionalElement", attributes: [("name", "archivalPeriod")], children: [XMLNode("properties", children: [
                property("startDate", value: period.start.description),
                property("endDate", value: period.end.description),
            ])]),
        ])])

        let info = property("info", children: [
            property("type", value: "Noark 5", children: [property("version", value: "5.0")]),
            property("additionalInfo", children: [
                property("periode", children: [
                    property("inngaaendeSkille", value: "skarpt"),
                    property("utgaaendeSkille", value: "skarpt"),
                ]),
                property("inneholderSkjermetInformasjon", value: hasExempt ? "true" : "false", type: "boolean"),
                property("omfatterDokumenterSomErKassert", value: "false", type: "boolean"),
                property("inneholderDokumenterSomSkalKasseres", value: "false", type: "boolean"),
                property("inneholderVirksomhetsspesifikkeMetadata", value: "true", type: "boolean"),
                property("antallDokumentfiler", value: String(documents.count), type: "integer"),
            ]),
        ])

        var objects: [XMLNode] = [
            dataObject("arkivstruktur", file: arkivstruktur, schemas: ["arkivstruktur.xsd", "metadatakatalog.xsd"], occurrences: [
                ("mappe", "//mappe", mappeCount),
                ("registrering", "//registrering", summary.registrations),
                ("dokumentbeskrivelse", "//dokumentbeskrivelse", summary.documentDescriptions),
                ("dokumentobjekt", "//dokumentobjekt", summary.documentObjects),
            ]),
        ]
        if let endringslogg {
            objects.append(dataObject("endringslogg", file: endringslogg, schemas: ["endringslogg.xsd", "metadatakatalog.xsd"],
                                      occurrences: [("endring", "//endring", summary.corrections)]))
        }
        // The document files: each with its checksum, as the transfer's other files.
        var documentFiles: [XMLNode] = []
        for file in documents {
            documentFiles.append(fileProperty(file, format: file.path.hasSuffix(".pdf") ? "PDF" : nil))
        }
        objects.append(XMLNode("dataObject", attributes: [("name", "dokumenter")], children: [
            XMLNode("description", "Dokumentfilene i DOKUMENT/: møtedokumentene som PDF/A og vedleggene i originalformat"),
            XMLNode("properties", children: documentFiles.isEmpty ? [property("antallDokumentfiler", value: "0", type: "integer")] : documentFiles),
        ]))

        let root = XMLNode("addml", attributes: [
            ("xmlns", TransferDescription.namespace),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:schemaLocation", "\(TransferDescription.namespace) addml.xsd"),
            ("name", "Noark 5-arkivuttrekk"),
        ], children: [XMLNode("dataset", children: [
            XMLNode("description", description),
            XMLNode("reference", children: [context, content]),
            XMLNode("dataObjects", children: [XMLNode("dataObject", attributes: [("name", "Noark 5-arkivuttrekk")], children: [
                XMLNode("properties", children: [info]),
                XMLNode("dataObjects", children: objects),
            ])]),
        ])])
        return root.document()
    }

    func dataObject(_ name: String, file: PackageFile, schemas names: [String], occurrences: [(String, String, Int)]) -> XMLNode {
        var properties: [XMLNode] = [fileProperty(file, format: "XML")]
        for (index, schemaName) in names.enumerated() {
            guard let schema = schemas[schemaName] else { continue }
            properties.append(property("schema", value: index == 0 ? "main" : nil, children: [
                fileProperty(schema, format: "XML"),
                property("type", value: "XML Schema", children: [property("version", value: "1.0")]),
            ]))
        }
        properties.append(property("info", children: occurrences.map { element, path, count in
            property("numberOfOccurrences", value: element, children: [
                property("elementPath", value: path),
                property("value", value: String(count), type: "integer"),
            ])
        }))
        return XMLNode("dataObject", attributes: [("name", name)], children: [XMLNode("properties", children: properties)])
    }

    func fileProperty(_ file: PackageFile, format: String?) -> XMLNode {
        var children = [property("name", value: file.path)]
        if let format {
            children.append(property("format", value: format, children: format == "XML" ? [property("version", value: "1.0")] : []))
        }
        children.append(property("checksum", children: [
            property("algorithm", value: "SHA-256"),
            property("value", value: file.sha256),
        ]))
        return property("file", children: children)
    }

    func property(_ name: String, value: String? = nil, type: String? = nil, children: [XMLNode] = []) -> XMLNode {
        var attributes: [(String, String)] = []
        if let type { attributes.append(("dataType", type)) }
        attributes.append(("name", name))
        var nodes: [XMLNode] = []
        if let value { nodes.append(XMLNode("value", value)) }
        if !children.isEmpty { nodes.append(XMLNode("properties", children: children)) }
        return XMLNode("property", attributes: attributes, children: nodes)
    }

    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
