import DocketModel
import DocketStore
import Foundation

extension MeetingPapers {
    /// The papers of a meeting as the store holds it: the one place where the view model is
    /// filled from stored facts, so every document and format prints the same meeting.
    public init(store: Store, meeting reference: MeetingReference, language: Language = .norwegian) throws {
        try self.init(store: store, meetingID: try store.meeting(reference).id, language: language)
    }

    /// The papers of the meeting with this row id.
    public init(store: Store, meetingID: Int64, language: Language = .norwegian) throws {
        let meeting = try store.meeting(id: meetingID)
        let body = try store.body(slug: meeting.body)
        let shortName = language.phrases.definiteBodyName(body.kind)
        let chair = try store.memberships(bodySlug: body.slug, currentOn: meeting.date).first { $0.role == .chair }?.person
        let signerName = meeting.signer ?? chair ?? ""
        let items = try store.items(meetingID: meetingID)
        let corrections = try store.corrections(meetingID: meetingID)
        // Every item's decision, conflicts, proposals, named vote and attachments in a fixed number of
        // statements (Store.itemParts), not five or so an item.
        let parts = try store.itemParts(meetingID: meetingID)
        var paperItems: [PaperItem] = []
        for item in items {
            let itemParts = parts[item.id] ?? ItemParts()
            var paperItem = PaperItem(
                number: item.number, title: item.title, publicTitle: item.publicTitle, section: item.section,
                kind: item.kind ?? .information, documentBasis: item.basis, caseText: item.caseText, proposal: item.proposal,
                isExempt: item.isExempt, exemptionBasis: item.exemptionBasis,
                isAnyOtherBusiness: item.standingPurpose == .anyOtherBusiness,
                decision: try Self.decision(itemParts.decision, of: item, in: store),
                origin: try Self.origin(of: item, in: store))
            paperItem.conflicts = itemParts.conflicts.map { PaperConflict(person: $0.person, reason: $0.reason) }
            paperItem.alternatives = itemParts.proposals.map { proposal in
                PaperProposal(proposer: proposal.proposer, text: proposal.text, vote: proposal.tally,
                              isAdopted: proposal.outcome.map { $0 == .adopted })
            }
            paperItem.corrections = corrections.filter { $0.itemID == item.id && $0.field == "decision.text" }.map {
                PaperCorrection(date: $0.correctedOn, reason: $0.reason, originalText: $0.oldValue)
            }
            let ballots = itemParts.ballots
            if !ballots.isEmpty {
                func names(_ ballot: Ballot) -> [String] { ballots.filter { $0.ballot == ballot }.map(\.person) }
                paperItem.namedVote = PaperNamedVote(votesFor: names(.for), against: names(.against), abstaining: names(.blank))
            }
            paperItems.append(paperItem)
        }
        // The summons lists the meeting's own attachments first, then each item's, in agenda order.
        var attachments = try store.attachments(meetingID: meetingID).map { stored in
            var attachment = DocketDocuments.Attachment(title: stored.title)
            (attachment.fileID, attachment.mediaType) = (stored.id, stored.mediaType)
            return attachment
        }
        for item in items {
            for stored in parts[item.id]?.attachments ?? [] {
                var attachment = DocketDocuments.Attachment(title: stored.title, itemNumber: item.number, isExempt: item.isExempt)
                (attachment.fileID, attachment.mediaType) = (stored.id, stored.mediaType)
                attachments.append(attachment)
            }
        }
        self.init(
            language: language,
            body: BodyHeading(name: body.name, shortName: shortName),
            meeting: MeetingDetails(date: meeting.date, start: meeting.start, end: meeting.end, place: meeting.place ?? "",
                                    kind: meeting.kind),
            summons: SummonsDetails(addressees: [meeting.addressees ?? language.phrases.defaultAddressees(shortName)], issuePlace: meeting.summonsPlace ?? "",
                                    issueDate: meeting.summonsDate ?? meeting.date,
                                    signer: Signer(name: signerName, title: language.phrases.chairTitle(shortName))),
            items: paperItems,
            attachments: attachments,
            attendance: try Self.attendance(of: meetingID, in: store),
            minuteTaker: meeting.minuteTaker,
            approval: try Self.approval(of: meetingID, in: store))
    }

    private static func decision(_ decision: Decision?, of item: AgendaItem, in store: Store) throws -> ItemDecision? {
        guard let decision else { return nil }
        var continuation: Continuation?
        switch decision.outcome {
        case .postponed:
            let later = try store.casePath(of: item).first { $0.previousItemID == item.id }
            continuation = .postponed(toMeetingOn: later?.meetingDate)
        case .referred:
            let name = try decision.referredTo.map { try store.body(slug: $0).name }
            continuation = .referred(toBody: name ?? "")
        default:
            break
        }
        // A decision word for word the proposal prints as "as proposed".
        let text = decision.text == item.proposal ? nil : decision.text
        return ItemDecision(text: text, outcome: decision.outcome, vote: decision.tally, remarks: decision.remarks, continuation: continuation)
    }

    /// Where a referred or postponed item came from: the earlier item's body and number.
    private static func origin(of item: AgendaItem, in store: Store) throws -> ItemOrigin? {
        guard let arrival = item.arrival, arrival == "referred" || arrival == "postponed", let previousID = item.previousItemID else { return nil }
        let previous = try store.item(id: previousID)
        return ItemOrigin(bodyName: try store.body(slug: previous.body).name, number: previous.number, referred: arrival == "referred")
    }

    private static func attendance(of meetingID: Int64, in store: Store) throws -> Attendance {
        var attendance = Attendance()
        for entry in try store.attendance(meetingID: meetingID) {
            let attendee = Attendee(name: entry.person, role: entry.role, organisation: entry.organisation, guestRole: entry.guestRole)
            switch entry.status {
            case .apologies:
                attendance.apologies.append(attendee)
            case .substitute:
                attendance.substitutes.append(Substitution(substitute: attendee, member: entry.substituteFor ?? ""))
            case .present:
                if entry.guestRole != nil || entry.role.map({ !$0.votes }) == true {
                    attendance.others.append(attendee)
                } else {
                    attendance.present.append(attendee)
                }
            }
        }
        return attendance
    }

    private static func approval(of meetingID: Int64, in store: Store) throws -> MinutesApproval? {
        guard let approval = try store.minutesApproval(meetingID: meetingID) else { return nil }
        guard let approvingID = approval.approvedAtMeetingID else { return MinutesApproval(date: approval.approvedOn, signers: approval.signers) }
        let meeting = try store.meeting(id: approvingID)
        let item = try store.items(meetingID: approvingID).first { $0.approvesMeetingID == meetingID }
        return MinutesApproval(date: approval.approvedOn, bodyName: meeting.bodyName, itemNumber: item?.number, signers: approval.signers)
    }
}
