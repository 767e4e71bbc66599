import DocketModel
import DocketStore
import Hummingbird

/// The agenda: items added, edited, moved, postponed or referred (`docket item …`).
extension SecretariatRoutes {
    func addAgendaRoutes(to group: Group) {
        group.get("sak/:body/:number") { request, context in try await views(request).item(try Self.itemReference(context), context) }

        form(group, "mote/:body/:date/sak", key: "ny-sak", action: "sak lagt til", page: Self.meetingPage) { form, context in
            let meeting = try Self.meetingReference(context)
            let title = form["title"] ?? ""
            guard !title.isEmpty else { throw FormProblem(form: "ny-sak", message: form.say("En sak trenger en tittel.", nn: "Ei sak treng ein tittel.", en: "An item needs a title."), values: form.values, field: "title") }
            var draft = ItemDraft()
            draft.title = title
            draft.kind = form["kind"].flatMap(ItemKind.init(rawValue:))
            draft.section = form["section"].flatMap(Section.init(rawValue:)) ?? .forConsideration
            draft.caseText = form["caseText"]
            draft.proposal = form["proposal"]
            if form["exempt"] != nil {
                draft.isExempt = true
                draft.publicTitle = form["publicTitle"]
                draft.exemptionBasis = form["exemptionBasis"]
            }
            return Write(detail: "\(meeting): \(title)") { store in _ = try store.addItem(to: meeting, draft) }
        }

        // The agenda's up and down buttons: the item to its new position (`docket item move`).
        form(group, "mote/:body/:date/flytt", key: "dagsorden", action: "sak flyttet", page: Self.meetingPage) { form, context in
            let meeting = try Self.meetingReference(context)
            guard let number = form["item"].flatMap(ItemNumber.init), let position = form["to"].flatMap(Int.init) else {
                throw PageError(message: "The form named no item or position.")
            }
            return Write(detail: "\(meeting.bodySlug) \(number) til plass \(position)") { store in
                _ = try store.moveItem(ItemReference(bodySlug: meeting.bodySlug, number: number), to: position)
            }
        }

        form(group, "sak/:body/:number/rediger", key: "rediger-sak", action: "sak endret", page: Self.itemPage) { form, context in
            let reference = try Self.itemReference(context)
            var draft = ItemDraft()
            draft.title = form["title"]
            draft.caseText = form["caseText"]
            draft.proposal = form["proposal"]
            return Write(detail: "\(reference)") { store in _ = try store.editItem(reference, draft) }
        }

        // Postpone to, or refer to, another meeting (`docket item postpone|refer`).
        form(group, "sak/:body/:number/utsett", key: "utsett", action: "sak utsatt", page: Self.itemPage) { form, context in
            let reference = try Self.itemReference(context)
            let refer = form["how"] == "refer"
            guard let text = form["to"], let target = try? MeetingReference(parsing: text) else {
                throw FormProblem(form: "utsett", message: form.say("Skriv møtet som slug@ÅÅÅÅ-MM-DD, f.eks. formannskapet@2026-04-02.", nn: "Skriv møtet som slug@ÅÅÅÅ-MM-DD, t.d. formannskapet@2026-04-02.", en: "Write the meeting as slug@YYYY-MM-DD, e.g. formannskapet@2026-04-02."),
                                  values: form.values, field: "to")
            }
            return Write(detail: "\(reference) til \(text)", action: refer ? "sak oversendt" : "sak utsatt") { store in
                if refer {
                    _ = try store.referItem(reference, to: target, remarks: form["remarks"])
                } else {
                    _ = try store.postponeItem(reference, to: target, remarks: form["remarks"])
                }
            }
        }
    
        // An item taken off an open agenda (`docket item remove`); its number is not given out again.
        form(group, "sak/:body/:number/fjern", key: "fjern-sak", action: "sak fjernet", page: Self.itemPage) { form, context in
            let reference = try Self.itemReference(context)
            guard form["confirm"] != nil else {
                throw FormProblem(form: "fjern-sak", message: form.say("Kryss av for at saken skal fjernes.", nn: "Kryss av for at saka skal fjernast.", en: "Tick the box to remove the item."), values: form.values, field: "confirm")
            }
            let meeting = try await store.reading { store in
                let item = try store.item(reference)
                return MeetingReference(bodySlug: item.body, date: item.meetingDate)
            }
            return Write(detail: "\(reference)", back: Self.path(meeting)) { store in
                try store.deleteItem(reference)
            }
        }
    }
}
