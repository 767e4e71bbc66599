import DocketInterchange
import DocketModel
@testable import DocketStore
import Foundation
import SQLite
import Testing

/// Every row of every table, in a fixed order, as text: two stores are the same when these are equal.
func tableDump(_ store: Store) throws -> [String: [[DatabaseValue]]] {
    // The search index's segment tables (item_search_data, item_search_idx) depend on the order
    // rows were indexed in; what they index is compared through item_search_content and _docsize.
    // The derived index's change log and the store's identity (migration 0012) are each file's own.
    // So are the row stamps (0014): the times each file was written.
    let tables = try store.db.fetchAll("""
        SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
          AND name NOT IN ('item_search', 'item_search_data', 'item_search_idx', 'search_change', 'search_index_identity', 'row_stamp') ORDER BY name
        """)
        .map { try $0.decode(at: 0, as: String.self) }
    var dump: [String: [[DatabaseValue]]] = [:]
    for table in tables {
        let count = try store.db.fetchAll("SELECT * FROM \(table) LIMIT 1").first?.count ?? 1
        let order = (1...max(count, 1)).map(String.init).joined(separator: ", ")
        dump[table] = try store.db.fetchAll("SELECT * FROM \(table) ORDER BY \(order)").map(\.values)
    }
    return dump
}

/// Texts that break careless code: every Norwegian letter, emoji, tabs, CR/LF, quotes and separators.
enum Awkward {
    static let letters = "æøå ÆØÅ é ü – «sitat» “quote”"
    static let text = "Første linje\r\nAndre linje\tmed tab\n\nTredje; med \"anførsel\", komma og emoji 👩🏽‍⚖️🇳🇴\rslutt\\"
    static let title = "Søknad om tilskudd 🏔️; «Ærlig» og \"åpen\", æøåÆØÅ"
}

/// A store with a steering group and an expert group, two meetings with items, a decision with
/// counted votes, attendance, minutes approved and corrected, an exempt item and attachments.
func makeRichStore() throws -> Store {
    let store = try Store.inMemory()
    try store.saveOrganisation(name: "Fjordvik kommune", kind: .municipality, isCooperationMember: true, organisationNumber: "123456789")
    try store.saveOrganisation(name: "Åsen kommune", kind: .municipality, isCooperationMember: true)
    try store.addBody(slug: "styringsgruppen", BodyDraft(name: "Styringsgruppen " + Awkward.letters, kind: .steeringGroup,
                                                         mandate: Awkward.text, aliases: ["Digi Fjordanes styringsgruppe", "SG"]))
    try store.addBody(slug: "fg-helse", BodyDraft(name: "Faggruppe helse", kind: .expertGroup, parentSlug: "styringsgruppen", mandate: ""))
    try store.addMember(name: "Ingrid Fjeld", bodySlug: "styringsgruppen", role: .chair, organisation: "Fjordvik kommune", title: "ordfører")
    try store.addMember(name: "Håkon Ås", bodySlug: "styringsgruppen", role: .member, organisation: "Åsen kommune",
                        from: CalendarDate("2019-01-01"), email: "")
    try store.addMember(name: "Eli Aksnes", bodySlug: "styringsgruppen", role: .deputy, organisation: nil)
    try store.addMember(name: "Berit Helse", bodySlug: "fg-helse", role: .chair, organisation: "Åsen kommune")

    try store.createMeeting(bodySlug: "styringsgruppen", date: CalendarDate("2019-02-13")!,
                            MeetingDraft(start: TimeOfDay("13:00"), end: TimeOfDay("15:00"), place: Awkward.title, addressees: "",
                                         signer: "Ingrid Fjeld"))
    var draft = ItemDraft(title: Awkward.title, kind: .decision, basis: "", caseText: Awkward.text, proposal: "Vedtas.\n\tMed innrykk.")
    draft.archiveCaseNumber = "2019/123"
    try store.addItem(to: "styringsgruppen@2019-02-13", draft)
    var exempt = ItemDraft(title: "Lønnsforhandlinger med Ola Nordmann", kind: .decision, caseText: "Hemmelig tekst", proposal: "Hemmelig forslag")
    exempt.isExempt = true
    exempt.exemptionBasis = "offl. § 25"
    exempt.publicTitle = "Personalsak"
    try store.addItem(to: "styringsgruppen@2019-02-13", exempt)
    try store.recordAttendance(meeting: "styringsgruppen@2019-02-13", present: ["Ingrid Fjeld"], apologies: ["Håkon Ås"],
                               substitutes: [(person: "Eli Aksnes", for: "Håkon Ås")])
    try store.recordDecision("styringsgruppen 5/19", DecisionDraft(text: Awkward.text, outcome: .amended,
                                                                   tally: .counted(for: 2, against: 0, abstaining: 0), remarks: ""))
    try store.addProposal("styringsgruppen 5/19", by: "Eli Aksnes", text: "Alternativ <tekst> & \"sitat\"\n\nAndre avsnitt.")
    try store.recordProposalVote("styringsgruppen 5/19", proposal: 1, tally: .counted(for: 1, against: 1, abstaining: 0),
                                 ballots: [NamedBallot(person: "Eli Aksnes", ballot: .for), NamedBallot(person: "Ingrid Fjeld", ballot: .against)],
                                 outcome: .rejected)
    try store.recordDecision("styringsgruppen 6/19", DecisionDraft(text: "Hemmelig vedtak", outcome: .adopted, tally: .unanimous))
    try store.db.execute("INSERT INTO vote (item_id, person_id, ballot, represents) SELECT i.id, p.id, 'for', 'Fjordvik kommune' FROM agenda_item i, person p WHERE i.sequence = 5 AND p.name = 'Ingrid Fjeld'")
    try store.db.execute("INSERT INTO conflict_of_interest (item_id, person_id, legal_basis, replaced_by_id) SELECT i.id, p.id, 'fvl. § 6', q.id FROM agenda_item i, person p, person q WHERE i.sequence = 5 AND p.name = 'Håkon Ås' AND q.name = 'Eli Aksnes'")

    try store.createMeeting(bodySlug: "styringsgruppen", date: CalendarDate("2019-06-12")!,
                            MeetingDraft(start: TimeOfDay("13:00"), end: TimeOfDay("14:30"), place: "Rådhuset"))
    try store.approveMinutes(of: "styringsgruppen@2019-02-13", signers: ["Ingrid Fjeld", "Eli Aksnes"])
    try store.correctDecision("styringsgruppen 5/19", text: "Rettet: " + Awkward.text, reason: "Skrivefeil æøå", on: CalendarDate("2019-06-12")!)

    try store.createMeeting(bodySlug: "fg-helse", date: CalendarDate("2019-03-01")!, MeetingDraft(place: "Teams"))
    try store.addItem(to: "fg-helse@2019-03-01", ItemDraft(title: "Felles journal", kind: .discussion))
    try store.referItem("fg-helse 1/19", to: "styringsgruppen@2019-06-12", remarks: "Løftes.")
    try store.createMeeting(bodySlug: "fg-helse", date: CalendarDate("2019-05-02")!, MeetingDraft(start: TimeOfDay("09:00")))
    try store.setStatus(.cancelled, of: "fg-helse@2019-05-02")

    let pdf = Data("%PDF-1.4 æøå \u{0}\u{1}\u{FF}".utf8)
    try store.addAttachment(item: "styringsgruppen 5/19", title: "Saksframlegg.pdf", mediaType: "application/pdf",
                            sha256: FileAttacher.sha256(pdf), content: pdf)
    try store.addAttachment(item: "styringsgruppen 6/19", title: "Hemmelig vedlegg.pdf", mediaType: "application/pdf",
                            sha256: FileAttacher.sha256(Data("hemmelig".utf8)), content: Data("hemmelig".utf8))
    try store.addAttachment(meeting: "styringsgruppen@2019-06-12", title: "Innkalling.pdf", mediaType: "application/pdf",
                            sha256: FileAttacher.sha256(pdf), content: pdf)
    try store.addAttachment(meeting: "styringsgruppen@2019-06-12", title: "Tom fil", mediaType: "text/plain",
                            sha256: FileAttacher.sha256(Data()), content: Data())
    return store
}

/// Runs a program; nil when it cannot be started.
func runProcess(_ executable: String, _ arguments: [String], stdin: Data? = nil) -> (status: Int32, output: String)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [executable] + arguments
    let out = Pipe(), input = Pipe()
    process.standardOutput = out
    process.standardError = out
    process.standardInput = input
    do { try process.run() } catch { return nil }
    if let stdin { input.fileHandleForWriting.write(stdin) }
    try? input.fileHandleForWriting.close()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}

/// A temporary folder removed at the end of the test.
final class TemporaryDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appending(path: "docket-interchange-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appending(path: name).path }
}

let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
