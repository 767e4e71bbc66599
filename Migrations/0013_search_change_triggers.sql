-- The derived search index's change triggers (migration 0012), written again so that each change
-- records an item once (issue 17 review): an update of an item or a decision recorded its item
-- twice (deleted and inserted as OLD, then again as NEW) even when its id did not change, and fired
-- for any column, also those the search document does not hold (status, times, numbers of copies).
--
-- Now an update fires only for the columns the search document is made of (see
-- Store+SearchIndex.swift, searchDocumentSQL: a column added there must be added here), records the
-- item as NEW once, and as OLD too only when the id itself changed. The delete before each insert
-- stays: an outer statement's conflict clause would override a trigger's OR REPLACE.
DROP TRIGGER search_change_item_update;
DROP TRIGGER search_change_decision_update;

CREATE TRIGGER search_change_item_update
AFTER UPDATE OF id, title, case_text, proposal, body_id, meeting_id, kind, year, is_exempt ON agenda_item
BEGIN
    DELETE FROM search_change WHERE item_id = OLD.id AND OLD.id IS NOT NEW.id;
    INSERT INTO search_change (item_id) SELECT OLD.id WHERE OLD.id IS NOT NEW.id;
    DELETE FROM search_change WHERE item_id = NEW.id;
    INSERT INTO search_change (item_id) VALUES (NEW.id);
END;

CREATE TRIGGER search_change_decision_update
AFTER UPDATE OF item_id, text, remarks, outcome ON decision
BEGIN
    DELETE FROM search_change WHERE item_id = OLD.item_id AND OLD.item_id IS NOT NEW.item_id;
    INSERT INTO search_change (item_id) SELECT OLD.item_id WHERE OLD.item_id IS NOT NEW.item_id;
    DELETE FROM search_change WHERE item_id = NEW.item_id;
    INSERT INTO search_change (item_id) VALUES (NEW.item_id);
END;
