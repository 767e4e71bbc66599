import DocketModel
import DocketStore
import Hummingbird

/// Meetings and their attendance (`docket meeting …`, `docket attendance record`).
extension SecretariatRoutes {
    func addMeetingRoutes(to group: Group) {
        group.get("mote/:body/:date") { request, context in try await views(request).meeting(try Self.meetingReference(context), context) }

        form(group, "utvalg/:body/mote", key: "nytt-mote", action: "møte opprettet", page: Self.bodyPage) { form, context in
            let slug = try context.parameters.require("body")
            guard let date = form["date"].flatMap(CalendarDate.init) else {
                throw FormProblem(form: "nytt-mote", message: form.say("Skriv datoen som ÅÅÅÅ-MM-DD, f.eks. 2026-03-12.", nn: "Skriv datoen som ÅÅÅÅ-MM-DD, t.d. 2026-03-12.", en: "Write the date as YYYY-MM-DD, e.g. 2026-03-12."), values: form.values, field: "date")
            }
            var draft = MeetingDraft()
            draft.place = form["place"]
            draft.start = try form.time("start", form: "nytt-mote")
            let reference = MeetingReference(bodySlug: slug, date: date)
            return Write(detail: "\(slug)@\(date)", back: Self.path(reference)) { store in
                _ = try store.createMeeting(bodySlug: slug, date: date, draft, withStandingItems: form["standing"] != nil)
            }
        }

        form(group, "mote/:body/:date/rediger", key: "rediger-mote", action: "møte endret", page: Self.meetingPage) { form, context in
            let meeting = try Self.meetingReference(context)
            var draft = MeetingDraft()
            draft.place = form["place"]
            draft.start = try form.time("start", form: "rediger-mote")
            draft.end = try form.time("end", form: "rediger-mote")
            draft.minuteTaker = form["minuteTaker"]
            return Write(detail: "\(meeting)") { store in _ = try store.editMeeting(meeting, draft) }
        }

        // Attendance as radio buttons per member (present, apologies, not recorded) and substitutes.
        form(group, "mote/:body/:date/oppmote", key: "oppmote", action: "oppmøte registrert", page: Self.meetingPage) { form, context in
            let meeting = try Self.meetingReference(context)
            var present: [String] = [], apologies: [String] = []
            for field in form.fields where field.name.hasPrefix("person-") {
                switch form["status-" + field.name.dropFirst("person-".count)] {
                case "present": present.append(field.value)
                case "apologies": apologies.append(field.value)
                default: continue
                }
            }
            var substitutes: [(person: String, for: String)] = []
            if let substitute = form["substitute"] {
                guard let member = form["substituteFor"] else {
                    throw FormProblem(form: "oppmote", message: form.say("Velg medlemmet \(substitute) møtte for.", nn: "Vel medlemen \(substitute) møtte for.", en: "Choose the member \(substitute) attended for."), values: form.values, field: "substituteFor")
                }
                substitutes.append((substitute, member))
            }
            var guests: [(person: String, role: String)] = []
            if let guest = form["guest"] {
                guard let role = form["guestRole"] else {
                    throw FormProblem(form: "oppmote", message: form.say("Skriv hva \(guest) møtte som, f.eks. revisor.", nn: "Skriv kva \(guest) møtte som, t.d. revisor.", en: "Write what \(guest) attended as, e.g. auditor."), values: form.values, field: "guestRole")
                }
                guests.append((guest, role))
            } else if form["guestRole"] != nil {
                throw FormProblem(form: "oppmote", message: form.say("Skriv navnet på gjesten.", nn: "Skriv namnet på gjesten.", en: "Write the guest's name."), values: form.values, field: "guest")
            }
            guard !present.isEmpty || !apologies.isEmpty || !substitutes.isEmpty || !guests.isEmpty else {
                throw FormProblem(form: "oppmote", message: form.say("Merk minst én person som til stede eller med forfall.", nn: "Merk minst éin person som til stades eller med forfall.", en: "Mark at least one person as present or with apologies."), values: form.values)
            }
            return Write(detail: "\(meeting): \(present.count) til stede, \(apologies.count) forfall, \(substitutes.count) vara"
                         + guests.map { ", gjest \($0.person) (\($0.role))" }.joined(), field: guests.isEmpty ? nil : "guest") { store in
                try store.recordAttendance(meeting: meeting, present: present, apologies: apologies, substitutes: substitutes, guests: guests)
            }
        }
    
        // A meeting cancelled (`docket meeting cancel`): it stays in the record as cancelled.
        form(group, "mote/:body/:date/avlys", key: "avlys", action: "møte avlyst", page: Self.meetingPage) { form, context in
            let meeting = try Self.meetingReference(context)
            guard form["confirm"] != nil else {
                throw FormProblem(form: "avlys", message: form.say("Kryss av for at møtet skal avlyses.", nn: "Kryss av for at møtet skal avlysast.", en: "Tick the box to cancel the meeting."), values: form.values, field: "confirm")
            }
            return Write(detail: "\(meeting)") { store in _ = try store.setStatus(.cancelled, of: meeting) }
        }
    }
}
