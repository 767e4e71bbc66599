import DocketInterchange
import DocketModel
@testable import DocketStore
import Foundation
import Testing

@Suite struct AttachmentTests {
    @Test func theSameContentIsStoredOnceAndGoesWithItsLastAttachment() throws {
        let store = try makeRichStore()
        let dir = try TemporaryDirectory()
        let file = dir.path("Budsjett 2020.xlsx")
        try Data("regneark æøå".utf8).write(to: URL(fileURLWithPath: file))
        let attacher = FileAttacher(store: store)
        let first = try attacher.attach(files: [file], item: "styringsgruppen 5/19")
        let second = try attacher.attach(files: [file], meeting: "styringsgruppen@2019-06-12", title: "Budsjett")
        #expect(first[0].title == "Budsjett 2020.xlsx")
        #expect(first[0].mediaType == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        #expect(first[0].sha256 == second[0].sha256)
        #expect(first[0].size == 15)
        #expect(first[0].position == 2)
        let sha = try #require(first[0].sha256)
        #expect(try store.db.fetchValue(Int.self, "SELECT count(*) FROM stored_file WHERE sha256 = ?", [sha]) == 1)
        #expect(try store.attachments(item: "styringsgruppen 5/19").map(\.title) == ["Saksframlegg.pdf", "Budsjett 2020.xlsx"])
        #expect(try store.attachmentContent(id: second[0].id) == Data("regneark æøå".utf8))
        try store.removeAttachment(id: first[0].id)
        #expect(try store.db.fetchValue(Int.self, "SELECT count(*) FROM stored_file WHERE sha256 = ?", [sha]) == 1)
        try store.removeAttachment(id: second[0].id)
        #expect(try store.db.fetchValue(Int.self, "SELECT count(*) FROM stored_file WHERE sha256 = ?", [sha]) == 0)
    }

    @Test func theDigestIsSHA256() {
        #expect(FileAttacher.sha256(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func anUnreadableFileAttachesNothing() throws {
        let store = try makeRichStore()
        let before = try tableDump(store)
        let dir = try TemporaryDirectory()
        try Data("a".utf8).write(to: URL(fileURLWithPath: dir.path("a.txt")))
        let error = #expect(throws: InputFileError.self) {
            try FileAttacher(store: store).attach(files: [dir.path("a.txt"), dir.path("mangler.pdf")], item: "styringsgruppen 5/19")
        }
        #expect(error?.description == "cannot read '\(dir.path("mangler.pdf"))': no such file")
        #expect(try tableDump(store) == before)
    }
}
