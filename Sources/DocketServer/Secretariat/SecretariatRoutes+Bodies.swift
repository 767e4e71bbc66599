import DocketModel
import DocketStore
import Hummingbird

/// Bodies, their standing items and their members (`docket body …`, `docket member …`).
extension SecretariatRoutes {
    func addBodyRoutes(to group: Group) {
        group.get("utvalg/:body") { request, context in try await views(request).body(try context.parameters.require("body"), context) }

        form(group, "utvalg", key: "nytt-utvalg", action: "utvalg opprettet", page: { _ in .home }) { form, _ in
            let slug = form["slug"] ?? ""
            return Write(detail: slug) { store in
                guard let name = form["name"] else { throw FormProblem(form: "nytt-utvalg", message: form.say("Gi utvalget et navn.", nn: "Gi utvalet eit namn.", en: "Give the body a name."), values: form.values) }
                guard !slug.isEmpty else { throw FormProblem(form: "nytt-utvalg", message: form.say("Gi utvalget en kortform (slug), f.eks. fg-helse.", nn: "Gi utvalet ei kortform (slug), t.d. fg-helse.", en: "Give the body a short name (slug), e.g. fg-helse."), values: form.values) }
                let kind = form["kind"].flatMap(BodyKind.init(rawValue:)) ?? .committee
                _ = try store.addBody(slug: slug, BodyDraft(name: name, kind: kind, mandate: form["mandate"]))
            }
        }

        form(group, "utvalg/:body/rediger", key: "rediger-utvalg", action: "utvalg endret", page: Self.bodyPage) { form, context in
            let slug = try context.parameters.require("body")
            return Write(detail: slug) { store in
                _ = try store.editBody(slug: slug, BodyDraft(name: form["name"], mandate: form["mandate"]))
            }
        }

        // The body's standing items, one a line `Title|kind|basis`, read by the model's own parser
        // (`docket body standing-items --file`).
        form(group, "utvalg/:body/faste-saker", key: "faste-saker", action: "faste saker endret", page: Self.bodyPage) { form, context in
            let slug = try context.parameters.require("body")
            let text = form.fields.first { $0.name == "items" }?.value.replacingOccurrences(of: "\r\n", with: "\n") ?? ""
            let items: [StandingItem]
            do { items = try StandingItem.parseList(text) } catch let error as StandingItem.LineError {
                throw FormProblem(form: "faste-saker", message: form.say("Faste saker, \(error)", nn: "Faste saker, \(error)", en: "Standing items, \(error)"), values: form.values, field: "items")
            }
            return Write(detail: slug) { store in try store.setStandingItems(items, bodySlug: slug) }
        }

        form(group, "utvalg/:body/medlem", key: "nytt-medlem", action: "medlem lagt til", page: Self.bodyPage) { form, context in
            let slug = try context.parameters.require("body")
            let name = form["name"] ?? ""
            guard !name.isEmpty else { throw FormProblem(form: "nytt-medlem", message: form.say("Skriv personens navn.", nn: "Skriv namnet på personen.", en: "Write the person's name."), values: form.values) }
            let role = form["role"].flatMap(Role.init(rawValue:)) ?? .member
            let from = try form.date("from", form: "nytt-medlem")
            return Write(detail: "\(name) i \(slug)") { store in
                _ = try store.addMember(name: name, bodySlug: slug, role: role, organisation: form["organisation"], from: from)
            }
        }
    
        // The end of a seat (`docket member end`): the seat's history is kept.
        form(group, "utvalg/:body/medlem/slutt", key: "slutt-medlem", action: "sete avsluttet", page: Self.bodyPage) { form, context in
            let slug = try context.parameters.require("body")
            guard let name = form["name"] else { throw FormProblem(form: "slutt-medlem", message: form.say("Velg medlemmet.", nn: "Vel medlemen.", en: "Choose the member."), values: form.values, field: "name") }
            let on = try form.date("on", form: "slutt-medlem") ?? .today
            return Write(detail: "\(name) i \(slug) til \(on)", field: "name") { store in
                _ = try store.endMembership(name: name, bodySlug: slug, on: on)
            }
        }
    }
}
