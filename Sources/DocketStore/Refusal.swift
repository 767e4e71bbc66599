import DocketModel

/// A write the store refuses, with the facts that make it wrong as values.
///
/// The store does not choose a language: the command line words a refusal in English with the flags
/// to give (``description``), the web app in the form's language without them. Keeping the facts
/// (names, numbers, dates, statuses) as values, not inside a sentence, is what lets each edge say
/// them its own way — and a new refusal cannot reach a form unworded, because the edge's `switch`
/// over this type no longer compiles.
public enum Refusal: Equatable, Sendable, CustomStringConvertible {
    // Bodies
    case invalidSlug(given: String, suggestion: String)
    case bodyNeedsName
    case bodyExists(slug: String)
    case reportsToOwnSubBody(parent: String, body: String)
    case aliasExists(alias: String, owner: String)
    case noStandingItems

    // Attachments
    case attachmentNeedsOwner
    case attachmentNeedsTitle

    // Decisions and corrections
    case decisionAtCancelledMeeting(meeting: String)
    case decisionInApprovedMinutes(meeting: String)
    case emptyCorrection
    case correctionNeedsReason
    case noDecisionToCorrect(item: String)

    // Minutes
    case approvalOfUnheldMeeting(meeting: String, status: MeetingStatus)
    case meetingApprovesOwnMinutes
    case approvalBeforeMeeting(approvedOn: CalendarDate, meetingDate: CalendarDate)

    // Attendance
    case attendanceAtCancelledMeeting(meeting: String)
    case attendanceInApprovedMinutes(meeting: String)
    case attendeeNamedTwice(person: String)
    case guestNeedsRole(person: String)
    case memberAsGuest(person: String, body: String)

    // Users
    case userNeedsName
    case userNeedsPassword
    case userExists(name: String)
    case lastAdmin(name: String)

    // Members
    case seatEndsBeforeItBegins(from: CalendarDate, to: CalendarDate)
    case secondSeat(person: String, body: String, role: Role, from: CalendarDate?, to: CalendarDate?)
    case noCurrentSeat(person: String, role: Role?, body: String)
    case seatBeginsLater(person: String, body: String, begins: CalendarDate, end: CalendarDate)
    case personNeedsName

    // Items and the agenda
    case itemNeedsTitle
    case exemptItemNeedsBasis
    case agendaClosed(meeting: String, status: MeetingStatus)
    case sectionChangedByMoving(item: String)
    case positionOffAgenda(position: Int, count: Int)
    case standingItemAfterConsideration(position: Int)
    case itemHasLaterHandling(item: String)
    case postponeToOtherBody(item: String, meeting: String, body: String)
    case postponeNotLater(meeting: String, itemDate: CalendarDate)
    case referWithinBody(item: String, meeting: String)
    case referToEarlier(meeting: String, itemDate: CalendarDate)
    /// An imported item's number is taken by an item of another meeting.
    case numberTaken(number: String, foundAt: String, importedAt: String)

    // Conflicts of interest, proposals and votes
    case conflictInApprovedMinutes(meeting: String)
    case conflictAtCancelledMeeting(meeting: String)
    case inhabilHasVoted(person: String, item: String)
    case emptyProposal
    case proposalClosed(meeting: String, status: MeetingStatus)
    case noSuchProposal(item: String, number: Int, count: Int)
    case votesClosed(meeting: String, status: MeetingStatus)
    case proposalOutcome(Outcome)
    case tiedVote
    case voteMissing
    case voterNamedTwice(person: String)
    case inhabilVoter(person: String, item: String, presence: Presence)
    case voterNotPresent(person: String, presence: Presence, eligible: [String])
    case tooManyVotes(total: Int, presence: Presence)
    case unanimousOutcome(Outcome)
    case countContradictsOutcome(votesFor: Int, against: Int, outcome: Outcome)

    // Meetings
    case meetingEndsBeforeItStarts(start: TimeOfDay, end: TimeOfDay)
    case editedMeetingEndsBeforeItStarts(start: TimeOfDay, end: TimeOfDay)
    case meetingExists(body: String, date: CalendarDate)
    case meetingClosed(meeting: String, status: MeetingStatus)
    case statusChange(meeting: String, from: MeetingStatus, to: MeetingStatus)

    /// The refusal for the command line: English, with the flag or command that does it right.
    public var description: String {
        switch self {
        case let .invalidSlug(given, suggestion):
            "'\(given)' is not a valid slug: \(Slug.rule) (e.g. 'styringsgruppen', 'fg-helse'); try '\(suggestion)'"
        case .bodyNeedsName:
            "a body needs a name (--name \"Digi Rogalands styringsgruppe\")"
        case let .bodyExists(slug):
            "a body with the slug '\(slug)' already exists"
        case let .reportsToOwnSubBody(parent, body):
            "'\(parent)' reports to '\(body)'; a body cannot report to its own sub-body"
        case let .aliasExists(alias, owner):
            "the alias '\(alias)' (it names '\(owner)') already exists"
        case .noStandingItems:
            "the list of standing items is empty; give at least one line Title|kind|basis"
        case .attachmentNeedsOwner:
            "an attachment belongs to an item or to a meeting: give one of them"
        case .attachmentNeedsTitle:
            "an attachment needs a title (--title \"Saksframlegg\")"
        case let .decisionAtCancelledMeeting(meeting):
            "the meeting \(meeting) was cancelled; nothing was decided there"
        case let .decisionInApprovedMinutes(meeting):
            "the minutes of \(meeting) are approved; a change is a correction: docket decision correct"
        case .emptyCorrection:
            "the corrected decision text is empty; give the whole corrected text with --text \"…\""
        case .correctionNeedsReason:
            "a correction needs a reason; say why the approved minutes are corrected with --reason \"…\""
        case let .noDecisionToCorrect(item):
            "\(item) has no decision to correct"
        case let .approvalOfUnheldMeeting(meeting, status):
            "the meeting \(meeting) is \(status.words); only the minutes of a held meeting can be approved"
        case .meetingApprovesOwnMinutes:
            "a meeting cannot approve its own minutes"
        case let .approvalBeforeMeeting(approvedOn, meetingDate):
            "the minutes cannot be approved (\(approvedOn)) before the meeting was held (\(meetingDate))"
        case let .attendanceAtCancelledMeeting(meeting):
            "the meeting \(meeting) was cancelled; nobody attended"
        case let .attendanceInApprovedMinutes(meeting):
            "the minutes of \(meeting) are approved; attendance can no longer change"
        case let .attendeeNamedTwice(person):
            "\(person) is named twice; a person attends one way"
        case let .guestNeedsRole(person):
            "say what \(person) came as: --guest \"\(person)\" --role \"revisor\""
        case let .memberAsGuest(person, body):
            "\(person) holds a seat in '\(body)'; record a member with --present, not as a guest"
        case .userNeedsName:
            "a user needs a name"
        case .userNeedsPassword:
            "a user needs a password"
        case let .userExists(name):
            "user '\(name)' (names are the same regardless of case) already exists"
        case let .lastAdmin(name):
            "'\(name)' is the last admin; add another admin before removing this one"
        case let .seatEndsBeforeItBegins(from, to):
            "the seat would end (\(to)) before it begins (\(from))"
        case let .secondSeat(person, body, role, from, to):
            "\(person) already has a seat in '\(body)' as \(role.rawValue.replacingOccurrences(of: "_", with: "-"))"
                + (from.map { " since \($0)" } ?? "") + (to.map { " until \($0)" } ?? "")
                + "; a person holds one seat in a body at a time. To change the role, end that seat first "
                + "(docket member end \"\(person)\" --body \(body) --on DATE) and add the new one from the next day. Nothing was stored"
        case let .noCurrentSeat(person, role, body):
            "\(person) has no current seat\(role.map { " as \($0.rawValue)" } ?? "") in '\(body)'"
        case let .seatBeginsLater(person, body, begins, end):
            "\(person)'s seat in '\(body)' begins \(begins); it cannot end before that (\(end)). Give --on a later date"
        case .personNeedsName:
            "a person needs a name"
        case .itemNeedsTitle:
            "an item needs a title (--title \"Budsjettprinsipper\")"
        case .exemptItemNeedsBasis:
            "an exempt item needs its legal basis (--exemption-basis \"offl. § 13\")"
        case let .agendaClosed(meeting, status):
            "the meeting \(meeting) is \(status.words); its agenda can no longer change"
        case let .sectionChangedByMoving(item):
            "an item's section is changed by moving it: docket item move '\(item)' --to POSITION"
        case let .positionOffAgenda(position, count):
            "position \(position) is off the agenda; give 1 to \(count)"
        case let .standingItemAfterConsideration(position):
            "position \(position) would put a standing item after the items for consideration"
        case let .itemHasLaterHandling(item):
            "\(item) was postponed or referred; delete the later item first"
        case let .postponeToOtherBody(item, meeting, body):
            "an item is postponed within its body; to send it to '\(body)', use: docket item refer '\(item)' --to \(meeting)"
        case let .postponeNotLater(meeting, itemDate):
            "\(meeting) is not after the item's meeting (\(itemDate)); postpone to a later meeting"
        case let .referWithinBody(item, meeting):
            "\(meeting) is a meeting of the same body; use: docket item postpone '\(item)' --to \(meeting)"
        case let .referToEarlier(meeting, itemDate):
            "\(meeting) is before the item's meeting (\(itemDate)); refer to a later meeting"
        case let .numberTaken(number, foundAt, importedAt):
            "the item \(number) (at \(foundAt), not \(importedAt)) already exists"
        case let .conflictInApprovedMinutes(meeting):
            "the minutes of \(meeting) are approved; a conflict of interest can no longer be recorded"
        case let .conflictAtCancelledMeeting(meeting):
            "the meeting \(meeting) was cancelled; nobody was there to be disqualified"
        case let .inhabilHasVoted(person, item):
            "\(person) has a vote recorded on \(item); an inhabil member does not vote. Record the vote again without \(person) first"
        case .emptyProposal:
            "the proposal's text is empty; give it with --text \"…\""
        case let .proposalClosed(meeting, status):
            "the meeting \(meeting) is \(status.words); no proposal can be added"
        case let .noSuchProposal(item, number, count):
            "\(item) has no proposal \(number)" + (count == 0 ? "; add one with docket proposal add" : "; it has \(count), numbered 1 to \(count)")
        case let .votesClosed(meeting, status):
            "the meeting \(meeting) is \(status.words); its votes can no longer change"
        case let .proposalOutcome(outcome):
            "a proposal is adopted or rejected, not \(outcome.rawValue)"
        case .tiedVote:
            "the vote is tied; say which way the chair's vote decided it with --outcome adopted or --outcome rejected"
        case .voteMissing:
            "give the vote on the proposal: --for/--against (names or numbers) or --unanimous"
        case let .voterNamedTwice(person):
            "\(person) is named twice in the vote; a member votes once"
        case let .inhabilVoter(person, item, presence):
            "\(person) declared a conflict of interest (inhabil) on \(item) and cannot vote; \(presence)"
        case let .voterNotPresent(person, presence, eligible):
            "\(person) is not a voting member present at the meeting; \(presence)" + (eligible.isEmpty ? "" : ": \(eligible.joined(separator: ", "))")
        case let .tooManyVotes(total, presence):
            "the vote counts \(total) votes, but \(presence); record the attendance first if it is wrong"
        case let .unanimousOutcome(outcome):
            "a unanimous vote adopts; the outcome cannot be \(outcome.rawValue)"
        case let .countContradictsOutcome(votesFor, against, outcome):
            "\(votesFor) for and \(against) against \(votesFor > against ? "adopts" : "rejects"); the outcome cannot be \(outcome.rawValue)"
        case let .meetingEndsBeforeItStarts(start, end):
            "the meeting ends (\(end)) before it starts (\(start))"
        case let .editedMeetingEndsBeforeItStarts(start, end):
            "the meeting would end (\(end)) before it starts (\(start))"
        case let .meetingExists(body, date):
            "a meeting of '\(body)' on \(date) already exists"
        case let .meetingClosed(meeting, status):
            "the meeting \(meeting) is \(status.words); it can no longer change"
        case let .statusChange(meeting, from, to):
            "the meeting \(meeting) is \(from.words) and cannot become \(to.words)"
        }
    }
}

/// Who could vote at a meeting when a vote was refused: the members present with a vote, and how
/// many of those present left their seat as inhabil on the item.
public struct Presence: Equatable, Sendable, CustomStringConvertible {
    /// Voting members present and not inhabil on the item.
    public var eligible: Int
    /// Voting members present.
    public var present: Int

    public init(eligible: Int, present: Int) {
        self.eligible = eligible
        self.present = present
    }

    /// Of those present, how many were inhabil on the item.
    public var inhabil: Int { max(0, present - eligible) }

    /// "5 voting members were present (6, less 1 inhabil)".
    public var description: String {
        var sentence = "\(eligible) voting member\(eligible == 1 ? " was" : "s were") present"
        if inhabil > 0 { sentence += " (\(present), less \(inhabil) inhabil)" }
        return sentence
    }
}

extension MeetingStatus {
    /// The status as the command line words it: "minutes approved".
    var words: String { rawValue.replacingOccurrences(of: "_", with: " ") }
}
