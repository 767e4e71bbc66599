import DocketModel
import DocketStore
import Hummingbird

/// The minutes: approval with signers, and corrections of approved decisions (`docket minutes approve`, `docket decision correct`).
extension SecretariatRoutes {
    func addMinutesRoutes(to group: Group) {
        form(group, "mote/:body/:date/godkjenn", key: "godkjenning", action: "protokoll godkjent", page: Self.meetingPage) { form, context in
            let meeting = try Self.meetingReference(context)
            let at = try form["at"].map { text -> MeetingReference in
                do { return try MeetingReference(parsing: text) } catch {
                    throw FormProblem(form: "godkjenning", message: form.say("Møtet som godkjenner skrives slug@ÅÅÅÅ-MM-DD.", nn: "Møtet som godkjenner, blir skrive slug@ÅÅÅÅ-MM-DD.", en: "Write the approving meeting as slug@YYYY-MM-DD."), values: form.values, field: "at")
                }
            }
            let on = try form.date("on", form: "godkjenning")
            return Write(detail: "\(meeting)") { store in
                _ = try store.approveMinutes(of: meeting, at: at, on: on, signers: form.all("signer"))
            }
        }

        // A correction of the decision in approved minutes, with its reason (`docket decision correct`).
        form(group, "sak/:body/:number/rett", key: "rett", action: "vedtak rettet", page: Self.itemPage) { form, context in
            let reference = try Self.itemReference(context)
            guard let text = form["text"] else { throw FormProblem(form: "rett", message: form.say("Skriv den rettede vedtaksteksten.", nn: "Skriv den retta vedtaksteksten.", en: "Write the corrected decision text."), values: form.values, field: "text") }
            guard let reason = form["reason"] else { throw FormProblem(form: "rett", message: form.say("Skriv hvorfor vedtaket rettes.", nn: "Skriv kvifor vedtaket blir retta.", en: "Write why the decision is corrected."), values: form.values, field: "reason") }
            let on = try form.date("on", form: "rett") ?? .today
            return Write(detail: "\(reference): \(reason)") { store in
                _ = try store.correctDecision(reference, text: text, reason: reason, on: on)
            }
        }
    }
}
