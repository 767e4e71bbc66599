-- Approved minutes change only through a recorded correction (`docket decision correct`, which
-- 0001's decision triggers let through). 0001 guarded deletes of items and every change of
-- decisions and attendance; an import could still add an item to an approved meeting, or change
-- an item's text, votes or conflicts of interest. These close that: the store refuses, whoever
-- writes.

CREATE TRIGGER agenda_item_final_after_approval_insert
BEFORE INSERT ON agenda_item
WHEN (SELECT status FROM meeting WHERE id = NEW.meeting_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: no item can be added');
END;

-- What the minutes say of an item. Its handling status, case, exemption and archive number are
-- kept outside the minutes' text and may still change (a postponement, an archive's work).
CREATE TRIGGER agenda_item_final_after_approval_update
BEFORE UPDATE OF meeting_id, body_id, series, sequence, year, position, section, kind, standing_purpose, title, basis, case_text, proposal
ON agenda_item
WHEN ((SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'minutes_approved'
      OR (SELECT status FROM meeting WHERE id = NEW.meeting_id) = 'minutes_approved')
 AND (NEW.meeting_id IS NOT OLD.meeting_id OR NEW.body_id IS NOT OLD.body_id OR NEW.series IS NOT OLD.series
      OR NEW.sequence IS NOT OLD.sequence OR NEW.year IS NOT OLD.year OR NEW.position IS NOT OLD.position
      OR NEW.section IS NOT OLD.section OR NEW.kind IS NOT OLD.kind OR NEW.standing_purpose IS NOT OLD.standing_purpose
      OR NEW.title IS NOT OLD.title OR NEW.basis IS NOT OLD.basis OR NEW.case_text IS NOT OLD.case_text
      OR NEW.proposal IS NOT OLD.proposal)
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: its items cannot change');
END;

CREATE TRIGGER vote_final_after_approval_insert
BEFORE INSERT ON vote
WHEN (SELECT m.status FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id WHERE i.id = NEW.item_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: votes cannot change');
END;

CREATE TRIGGER vote_final_after_approval_update
BEFORE UPDATE ON vote
WHEN (SELECT m.status FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id WHERE i.id = OLD.item_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: votes cannot change');
END;

CREATE TRIGGER vote_final_after_approval_delete
BEFORE DELETE ON vote
WHEN (SELECT m.status FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id WHERE i.id = OLD.item_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: votes cannot change');
END;

CREATE TRIGGER conflict_of_interest_final_after_approval_insert
BEFORE INSERT ON conflict_of_interest
WHEN (SELECT m.status FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id WHERE i.id = NEW.item_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: conflicts of interest cannot change');
END;

CREATE TRIGGER conflict_of_interest_final_after_approval_update
BEFORE UPDATE ON conflict_of_interest
WHEN (SELECT m.status FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id WHERE i.id = OLD.item_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: conflicts of interest cannot change');
END;

CREATE TRIGGER conflict_of_interest_final_after_approval_delete
BEFORE DELETE ON conflict_of_interest
WHEN (SELECT m.status FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id WHERE i.id = OLD.item_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: conflicts of interest cannot change');
END;
