import DocketModel
import DocketStore
import Foundation

/// A store with a steering group (plain series) and a municipal council (PS series), each with members.
func makeStore() throws -> Store {
    let store = try Store.inMemory()
    try store.saveOrganisation(name: "Fjordvik kommune", kind: .municipality, isCooperationMember: true)
    try store.saveOrganisation(name: "Lyngstad kommune", kind: .municipality, isCooperationMember: true)
    try store.addBody(slug: "styringsgruppen", BodyDraft(name: "Styringsgruppen", kind: .steeringGroup, aliases: ["Digi Fjordanes styringsgruppe"]))
    try store.addBody(slug: "fg-helse", BodyDraft(name: "Faggruppe helse", kind: .expertGroup, parentSlug: "styringsgruppen"))
    try store.addBody(slug: "kommunestyret", BodyDraft(name: "Kommunestyret", kind: .council, defaultSeries: .political))
    try store.addMember(name: "Ingrid Fjeld", bodySlug: "styringsgruppen", role: .chair, organisation: "Fjordvik kommune")
    try store.addMember(name: "Torstein Lyng", bodySlug: "styringsgruppen", role: .member, organisation: "Lyngstad kommune")
    try store.addMember(name: "Eli Aksnes", bodySlug: "styringsgruppen", role: .deputy, organisation: "Lyngstad kommune")
    return store
}

func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

/// A temporary folder removed at the end of the test.
final class TemporaryDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appending(path: "docket-store-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appending(path: name).path }
}
