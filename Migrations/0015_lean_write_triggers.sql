-- Leaner write triggers (issue 17: `docket import` at half the bare C insert). What a write stores is
-- unchanged: the same search rows (item_search), the same row stamps, the same change log.
--
-- 1. One tokenisation per item and write. The search row of an item holds its decision and the
--    decision's remarks, so an import that stores an item and then its decision wrote the row three
--    times: the item's insert tokenised its texts, the decision's insert deleted that row (FTS5
--    tokenises a row again to delete it) and tokenised the whole row once more. Now a write may
--    defer its items' search rows: while `item_search_deferral` holds its one row, the triggers note
--    the items in `item_search_pending` instead, and the write, before it commits, writes each
--    pending item's row once from its parts and ends the deferral (Store.deferringSearchRows: the
--    rows flushed and the deferral ended in the write's own transaction, so none of the store's
--    commits leaves either table non-empty; another writer that sets the deferral must do the same,
--    as the ImportBenchmark's bare insert does). Without the deferral row (every other writer: the
--    CLI's edits, the server, a bare sqlite3 session) the triggers write the rows at once, as
--    migration 0007's did.
--    Deleting an item still deletes its row at once, deferred or not.
--
-- 2. One upsert a stamp. Migration 0014's row-stamp triggers ran two statements for each stamp (an
--    INSERT … WHERE NOT EXISTS, then an UPDATE), and a decision's or an attachment's looked its
--    item's meeting up three times. Each stamp is now one INSERT … ON CONFLICT DO UPDATE, and
--    each table's stamps are in one trigger per event. The stamps are the same: a new row is
--    stamped created = modified = now; a changed row, or the row of what shows it, gets modified =
--    now (created NULL when it had no stamp). The delete triggers of 0014 stay as they were.
--
-- An upsert in a trigger is not overridden by the outer statement's conflict clause (only the
-- conflict resolution of a plain INSERT is), so it behaves the same under INSERT OR REPLACE.

-- 1. The search rows.

CREATE TABLE item_search_deferral (
    id INTEGER PRIMARY KEY CHECK (id = 1)
) STRICT;

CREATE TABLE item_search_pending (
    item_id INTEGER PRIMARY KEY
) STRICT;

DROP TRIGGER item_search_item_insert;
DROP TRIGGER item_search_item_update;
DROP TRIGGER item_search_decision_insert;
DROP TRIGGER item_search_decision_update;
DROP TRIGGER item_search_decision_delete;

-- At once (no deferral): as migration 0007.
CREATE TRIGGER item_search_item_insert AFTER INSERT ON agenda_item
WHEN NOT EXISTS (SELECT 1 FROM item_search_deferral)
BEGIN
    INSERT INTO item_search (rowid, title, case_text, proposal, decision, debate)
    SELECT NEW.id, NEW.title, NEW.case_text, NEW.proposal, d.text, d.remarks
    FROM (SELECT 1) LEFT JOIN decision d ON d.item_id = NEW.id;
END;

CREATE TRIGGER item_search_item_update AFTER UPDATE OF title, case_text, proposal ON agenda_item
WHEN NOT EXISTS (SELECT 1 FROM item_search_deferral)
BEGIN
    DELETE FROM item_search WHERE rowid = OLD.id;
    INSERT INTO item_search (rowid, title, case_text, proposal, decision, debate)
    SELECT NEW.id, NEW.title, NEW.case_text, NEW.proposal, d.text, d.remarks
    FROM (SELECT 1) LEFT JOIN decision d ON d.item_id = NEW.id;
END;

CREATE TRIGGER item_search_decision_insert AFTER INSERT ON decision
WHEN NOT EXISTS (SELECT 1 FROM item_search_deferral)
BEGIN
    DELETE FROM item_search WHERE rowid = NEW.item_id;
    INSERT INTO item_search (rowid, title, case_text, proposal, decision, debate)
    SELECT i.id, i.title, i.case_text, i.proposal, NEW.text, NEW.remarks FROM agenda_item i WHERE i.id = NEW.item_id;
END;

CREATE TRIGGER item_search_decision_update AFTER UPDATE OF text, remarks ON decision
WHEN NOT EXISTS (SELECT 1 FROM item_search_deferral)
BEGIN
    DELETE FROM item_search WHERE rowid = NEW.item_id;
    INSERT INTO item_search (rowid, title, case_text, proposal, decision, debate)
    SELECT i.id, i.title, i.case_text, i.proposal, NEW.text, NEW.remarks FROM agenda_item i WHERE i.id = NEW.item_id;
END;

CREATE TRIGGER item_search_decision_delete AFTER DELETE ON decision
WHEN NOT EXISTS (SELECT 1 FROM item_search_deferral)
BEGIN
    DELETE FROM item_search WHERE rowid = OLD.item_id;
    INSERT INTO item_search (rowid, title, case_text, proposal, decision, debate)
    SELECT i.id, i.title, i.case_text, i.proposal, NULL, NULL FROM agenda_item i WHERE i.id = OLD.item_id;
END;

-- Deferred: the item is noted, its row written when the write flushes (see above). An update of
-- an item's id notes both ids: the old one's row is then deleted, the new one's written.
CREATE TRIGGER item_search_item_insert_deferred AFTER INSERT ON agenda_item
WHEN EXISTS (SELECT 1 FROM item_search_deferral)
BEGIN
    INSERT INTO item_search_pending (item_id) SELECT NEW.id
    WHERE NOT EXISTS (SELECT 1 FROM item_search_pending WHERE item_id = NEW.id);
END;

CREATE TRIGGER item_search_item_update_deferred AFTER UPDATE OF id, title, case_text, proposal ON agenda_item
WHEN EXISTS (SELECT 1 FROM item_search_deferral)
BEGIN
    INSERT INTO item_search_pending (item_id) SELECT OLD.id
    WHERE NOT EXISTS (SELECT 1 FROM item_search_pending WHERE item_id = OLD.id);
    INSERT INTO item_search_pending (item_id) SELECT NEW.id
    WHERE NOT EXISTS (SELECT 1 FROM item_search_pending WHERE item_id = NEW.id);
END;

CREATE TRIGGER item_search_decision_insert_deferred AFTER INSERT ON decision
WHEN EXISTS (SELECT 1 FROM item_search_deferral)
BEGIN
    INSERT INTO item_search_pending (item_id) SELECT NEW.item_id
    WHERE NOT EXISTS (SELECT 1 FROM item_search_pending WHERE item_id = NEW.item_id);
END;

CREATE TRIGGER item_search_decision_update_deferred AFTER UPDATE OF item_id, text, remarks ON decision
WHEN EXISTS (SELECT 1 FROM item_search_deferral)
BEGIN
    INSERT INTO item_search_pending (item_id) SELECT OLD.item_id
    WHERE NOT EXISTS (SELECT 1 FROM item_search_pending WHERE item_id = OLD.item_id);
    INSERT INTO item_search_pending (item_id) SELECT NEW.item_id
    WHERE NOT EXISTS (SELECT 1 FROM item_search_pending WHERE item_id = NEW.item_id);
END;

CREATE TRIGGER item_search_decision_delete_deferred AFTER DELETE ON decision
WHEN EXISTS (SELECT 1 FROM item_search_deferral)
BEGIN
    INSERT INTO item_search_pending (item_id) SELECT OLD.item_id
    WHERE NOT EXISTS (SELECT 1 FROM item_search_pending WHERE item_id = OLD.item_id);
END;

-- 2. The row stamps.

DROP TRIGGER row_stamp_organisation_insert;
DROP TRIGGER row_stamp_organisation_update;
DROP TRIGGER row_stamp_body_insert;
DROP TRIGGER row_stamp_body_update;
DROP TRIGGER row_stamp_person_insert;
DROP TRIGGER row_stamp_person_update;
DROP TRIGGER row_stamp_membership_insert;
DROP TRIGGER row_stamp_membership_update;
DROP TRIGGER row_stamp_meeting_insert;
DROP TRIGGER row_stamp_meeting_update;
DROP TRIGGER row_stamp_agenda_item_insert;
DROP TRIGGER row_stamp_agenda_item_update;
DROP TRIGGER row_stamp_attachment_insert;
DROP TRIGGER row_stamp_attachment_update;
DROP TRIGGER row_stamp_agenda_item_meeting_insert;
DROP TRIGGER row_stamp_agenda_item_meeting_update;
DROP TRIGGER row_stamp_agenda_item_meeting_delete;
DROP TRIGGER row_stamp_decision_insert;
DROP TRIGGER row_stamp_decision_update;
DROP TRIGGER row_stamp_decision_delete;
DROP TRIGGER row_stamp_attachment_owner_insert;
DROP TRIGGER row_stamp_attachment_owner_update;
DROP TRIGGER row_stamp_attachment_owner_delete;
DROP TRIGGER row_stamp_membership_owners_insert;
DROP TRIGGER row_stamp_membership_owners_update;
DROP TRIGGER row_stamp_membership_owners_delete;

-- A table's own rows: stamped new on insert, modified on update.
CREATE TRIGGER row_stamp_organisation_insert AFTER INSERT ON organisation
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
    VALUES ('organisation', NEW.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    ON CONFLICT (kind, row_id) DO UPDATE SET created = excluded.created, modified = excluded.modified;
END;

CREATE TRIGGER row_stamp_organisation_update AFTER UPDATE ON organisation
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified) VALUES ('organisation', NEW.id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
END;

CREATE TRIGGER row_stamp_body_insert AFTER INSERT ON body
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
    VALUES ('body', NEW.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    ON CONFLICT (kind, row_id) DO UPDATE SET created = excluded.created, modified = excluded.modified;
END;

CREATE TRIGGER row_stamp_body_update AFTER UPDATE ON body
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified) VALUES ('body', NEW.id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
END;

CREATE TRIGGER row_stamp_person_insert AFTER INSERT ON person
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
    VALUES ('person', NEW.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    ON CONFLICT (kind, row_id) DO UPDATE SET created = excluded.created, modified = excluded.modified;
END;

CREATE TRIGGER row_stamp_person_update AFTER UPDATE ON person
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified) VALUES ('person', NEW.id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
END;

-- A membership shows on its body (Organization lists memberships) and its person (Person embeds them).
CREATE TRIGGER row_stamp_membership_insert AFTER INSERT ON membership
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
    VALUES ('membership', NEW.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    ON CONFLICT (kind, row_id) DO UPDATE SET created = excluded.created, modified = excluded.modified;
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'body', NEW.body_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE NEW.body_id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'person', NEW.person_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE NEW.person_id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
END;

CREATE TRIGGER row_stamp_membership_update AFTER UPDATE ON membership
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified) VALUES ('membership', NEW.id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'body', NEW.body_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE NEW.body_id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'person', NEW.person_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE NEW.person_id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
END;

CREATE TRIGGER row_stamp_membership_owners_delete AFTER DELETE ON membership
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'body', OLD.body_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE OLD.body_id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'person', OLD.person_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE OLD.person_id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
END;

CREATE TRIGGER row_stamp_meeting_insert AFTER INSERT ON meeting
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
    VALUES ('meeting', NEW.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    ON CONFLICT (kind, row_id) DO UPDATE SET created = excluded.created, modified = excluded.modified;
END;

CREATE TRIGGER row_stamp_meeting_update AFTER UPDATE ON meeting
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified) VALUES ('meeting', NEW.id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
END;

-- An agenda item shows on its meeting (the Meeting embeds its AgendaItems).
CREATE TRIGGER row_stamp_agenda_item_insert AFTER INSERT ON agenda_item
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
    VALUES ('agenda_item', NEW.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    ON CONFLICT (kind, row_id) DO UPDATE SET created = excluded.created, modified = excluded.modified;
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'meeting', NEW.meeting_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE NEW.meeting_id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
END;

CREATE TRIGGER row_stamp_agenda_item_update AFTER UPDATE ON agenda_item
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified) VALUES ('agenda_item', NEW.id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'meeting', NEW.meeting_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE NEW.meeting_id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'meeting', OLD.meeting_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE OLD.meeting_id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
END;

CREATE TRIGGER row_stamp_agenda_item_meeting_delete AFTER DELETE ON agenda_item
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'meeting', OLD.meeting_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE OLD.meeting_id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
END;

-- A decision shows on its item (result, resolution) and so on the item's meeting.
CREATE TRIGGER row_stamp_decision_insert AFTER INSERT ON decision
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'agenda_item', NEW.item_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE NEW.item_id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'meeting', i.meeting_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM agenda_item i
    WHERE i.id = NEW.item_id AND i.meeting_id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
END;

CREATE TRIGGER row_stamp_decision_update AFTER UPDATE ON decision
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'agenda_item', NEW.item_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE NEW.item_id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'meeting', i.meeting_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM agenda_item i
    WHERE i.id = NEW.item_id AND i.meeting_id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
END;

CREATE TRIGGER row_stamp_decision_delete AFTER DELETE ON decision
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'agenda_item', OLD.item_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE OLD.item_id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'meeting', i.meeting_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM agenda_item i
    WHERE i.id = OLD.item_id AND i.meeting_id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
END;

-- An attachment shows on its item and its meeting (its own, or its item's).
CREATE TRIGGER row_stamp_attachment_insert AFTER INSERT ON attachment
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
    VALUES ('attachment', NEW.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    ON CONFLICT (kind, row_id) DO UPDATE SET created = excluded.created, modified = excluded.modified;
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'agenda_item', NEW.item_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE NEW.item_id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'meeting', m.id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    FROM (SELECT coalesce(NEW.meeting_id, (SELECT meeting_id FROM agenda_item WHERE id = NEW.item_id)) AS id) m
    WHERE m.id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
END;

CREATE TRIGGER row_stamp_attachment_update AFTER UPDATE ON attachment
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified) VALUES ('attachment', NEW.id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'agenda_item', NEW.item_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE NEW.item_id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'meeting', m.id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    FROM (SELECT coalesce(NEW.meeting_id, (SELECT meeting_id FROM agenda_item WHERE id = NEW.item_id)) AS id) m
    WHERE m.id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
END;

CREATE TRIGGER row_stamp_attachment_owner_delete AFTER DELETE ON attachment
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'agenda_item', OLD.item_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE OLD.item_id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
    INSERT INTO row_stamp (kind, row_id, created, modified)
    SELECT 'meeting', m.id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
    FROM (SELECT coalesce(OLD.meeting_id, (SELECT meeting_id FROM agenda_item WHERE id = OLD.item_id)) AS id) m
    WHERE m.id IS NOT NULL
    ON CONFLICT (kind, row_id) DO UPDATE SET modified = excluded.modified;
END;
