-- Alternative proposals made at the meeting (forslag fra …), each with the vote taken on it, and
-- the named votes on them. The decision's own named votes stay in `vote`; a conflict of interest's
-- reason (what the member said, or the legal basis) is kept in conflict_of_interest.legal_basis.

CREATE TABLE proposal (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    -- 1, 2, … in the order the proposals were made on the item.
    number INTEGER NOT NULL CHECK (number > 0),
    proposer_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
    text TEXT NOT NULL CHECK (length(trim(text)) > 0),
    outcome TEXT CHECK (outcome IS NULL OR outcome IN ('adopted', 'rejected')),
    is_unanimous INTEGER NOT NULL DEFAULT 0 CHECK (is_unanimous IN (0, 1)),
    votes_for INTEGER CHECK (votes_for IS NULL OR votes_for >= 0),
    votes_against INTEGER CHECK (votes_against IS NULL OR votes_against >= 0),
    votes_abstaining INTEGER CHECK (votes_abstaining IS NULL OR votes_abstaining >= 0),
    CHECK (is_unanimous = 0 OR coalesce(votes_against, 0) = 0),
    UNIQUE (item_id, number)
) STRICT;

CREATE TABLE proposal_vote (
    proposal_id INTEGER NOT NULL REFERENCES proposal(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
    ballot TEXT NOT NULL CHECK (ballot IN ('for', 'against', 'blank')),
    PRIMARY KEY (proposal_id, person_id)
) STRICT, WITHOUT ROWID;

-- Approved minutes are final (as 0006 guards votes and conflicts): proposals and their votes too.
CREATE TRIGGER proposal_final_after_approval_insert
BEFORE INSERT ON proposal
WHEN (SELECT m.status FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id WHERE i.id = NEW.item_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: proposals cannot change');
END;

CREATE TRIGGER proposal_final_after_approval_update
BEFORE UPDATE ON proposal
WHEN (SELECT m.status FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id WHERE i.id = OLD.item_id) = 'minutes_approved'
  OR (SELECT m.status FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id WHERE i.id = NEW.item_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: proposals cannot change');
END;

CREATE TRIGGER proposal_final_after_approval_delete
BEFORE DELETE ON proposal
WHEN (SELECT m.status FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id WHERE i.id = OLD.item_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: proposals cannot change');
END;

CREATE TRIGGER proposal_vote_final_after_approval_insert
BEFORE INSERT ON proposal_vote
WHEN (SELECT m.status FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id JOIN proposal p ON p.item_id = i.id
      WHERE p.id = NEW.proposal_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: votes cannot change');
END;

CREATE TRIGGER proposal_vote_final_after_approval_update
BEFORE UPDATE ON proposal_vote
WHEN (SELECT m.status FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id JOIN proposal p ON p.item_id = i.id
      WHERE p.id = OLD.proposal_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: votes cannot change');
END;

CREATE TRIGGER proposal_vote_final_after_approval_delete
BEFORE DELETE ON proposal_vote
WHEN (SELECT m.status FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id JOIN proposal p ON p.item_id = i.id
      WHERE p.id = OLD.proposal_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: votes cannot change');
END;
