-- Row timestamps for what the OParl API shows (Sources/DocketServer/OParl): when Docket first stored
-- each organisation, body, person, membership, meeting, agenda item and attachment, and when it last
-- changed what OParl shows of it, as UTC `YYYY-MM-DDTHH:MM:SSZ`. Kept by triggers, so every write
-- (the CLI's, the server's, an import's) stamps its rows in its own transaction, whoever writes.
--
-- A table of its own rather than columns: the tables' column lists, their guards after approved
-- minutes (0001, 0006, 0009) and every query stay as they are, and a stamp never counts as a
-- change to the approved minutes.
--
-- Changes show where OParl shows them: a decision or an attachment changes its agenda item (the
-- AgendaItem shows the result, the resolution and the files), an agenda item changes its meeting
-- (the Meeting embeds its AgendaItems), a membership changes its body and its person (the
-- Organization lists memberships, the Person embeds them).
--
-- Rows stored before this migration have no stamp: their time is not known, and OParl then gives
-- the dates of the meeting record as before. A row changed later gets a stamp with `created` NULL
-- (still unknown) and `modified` the time of the change.
CREATE TABLE row_stamp (
    kind TEXT NOT NULL CHECK (kind IN ('organisation', 'body', 'person', 'membership', 'meeting', 'agenda_item', 'attachment')),
    row_id INTEGER NOT NULL,
    created TEXT,
    modified TEXT NOT NULL,
    PRIMARY KEY (kind, row_id)
) STRICT, WITHOUT ROWID;

-- Each table's own rows.

CREATE TRIGGER row_stamp_organisation_insert AFTER INSERT ON organisation
BEGIN
    DELETE FROM row_stamp WHERE kind = 'organisation' AND row_id = NEW.id;
    INSERT INTO row_stamp (kind, row_id, created, modified) VALUES ('organisation', NEW.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

CREATE TRIGGER row_stamp_organisation_update AFTER UPDATE ON organisation
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'organisation', NEW.id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE NEW.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'organisation' AND row_id = NEW.id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'organisation' AND row_id = NEW.id;
END;

CREATE TRIGGER row_stamp_organisation_delete AFTER DELETE ON organisation
BEGIN
    DELETE FROM row_stamp WHERE kind = 'organisation' AND row_id = OLD.id;
END;

CREATE TRIGGER row_stamp_body_insert AFTER INSERT ON body
BEGIN
    DELETE FROM row_stamp WHERE kind = 'body' AND row_id = NEW.id;
    INSERT INTO row_stamp (kind, row_id, created, modified) VALUES ('body', NEW.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

CREATE TRIGGER row_stamp_body_update AFTER UPDATE ON body
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'body', NEW.id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE NEW.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'body' AND row_id = NEW.id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'body' AND row_id = NEW.id;
END;

CREATE TRIGGER row_stamp_body_delete AFTER DELETE ON body
BEGIN
    DELETE FROM row_stamp WHERE kind = 'body' AND row_id = OLD.id;
END;

CREATE TRIGGER row_stamp_person_insert AFTER INSERT ON person
BEGIN
    DELETE FROM row_stamp WHERE kind = 'person' AND row_id = NEW.id;
    INSERT INTO row_stamp (kind, row_id, created, modified) VALUES ('person', NEW.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

CREATE TRIGGER row_stamp_person_update AFTER UPDATE ON person
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'person', NEW.id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE NEW.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'person' AND row_id = NEW.id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'person' AND row_id = NEW.id;
END;

CREATE TRIGGER row_stamp_person_delete AFTER DELETE ON person
BEGIN
    DELETE FROM row_stamp WHERE kind = 'person' AND row_id = OLD.id;
END;

CREATE TRIGGER row_stamp_membership_insert AFTER INSERT ON membership
BEGIN
    DELETE FROM row_stamp WHERE kind = 'membership' AND row_id = NEW.id;
    INSERT INTO row_stamp (kind, row_id, created, modified) VALUES ('membership', NEW.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

CREATE TRIGGER row_stamp_membership_update AFTER UPDATE ON membership
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'membership', NEW.id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE NEW.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'membership' AND row_id = NEW.id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'membership' AND row_id = NEW.id;
END;

CREATE TRIGGER row_stamp_membership_delete AFTER DELETE ON membership
BEGIN
    DELETE FROM row_stamp WHERE kind = 'membership' AND row_id = OLD.id;
END;

CREATE TRIGGER row_stamp_meeting_insert AFTER INSERT ON meeting
BEGIN
    DELETE FROM row_stamp WHERE kind = 'meeting' AND row_id = NEW.id;
    INSERT INTO row_stamp (kind, row_id, created, modified) VALUES ('meeting', NEW.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

CREATE TRIGGER row_stamp_meeting_update AFTER UPDATE ON meeting
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'meeting', NEW.id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE NEW.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'meeting' AND row_id = NEW.id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'meeting' AND row_id = NEW.id;
END;

CREATE TRIGGER row_stamp_meeting_delete AFTER DELETE ON meeting
BEGIN
    DELETE FROM row_stamp WHERE kind = 'meeting' AND row_id = OLD.id;
END;

CREATE TRIGGER row_stamp_agenda_item_insert AFTER INSERT ON agenda_item
BEGIN
    DELETE FROM row_stamp WHERE kind = 'agenda_item' AND row_id = NEW.id;
    INSERT INTO row_stamp (kind, row_id, created, modified) VALUES ('agenda_item', NEW.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

CREATE TRIGGER row_stamp_agenda_item_update AFTER UPDATE ON agenda_item
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'agenda_item', NEW.id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE NEW.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'agenda_item' AND row_id = NEW.id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'agenda_item' AND row_id = NEW.id;
END;

CREATE TRIGGER row_stamp_agenda_item_delete AFTER DELETE ON agenda_item
BEGIN
    DELETE FROM row_stamp WHERE kind = 'agenda_item' AND row_id = OLD.id;
END;

CREATE TRIGGER row_stamp_attachment_insert AFTER INSERT ON attachment
BEGIN
    DELETE FROM row_stamp WHERE kind = 'attachment' AND row_id = NEW.id;
    INSERT INTO row_stamp (kind, row_id, created, modified) VALUES ('attachment', NEW.id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), strftime('%Y-%m-%dT%H:%M:%SZ', 'now'));
END;

CREATE TRIGGER row_stamp_attachment_update AFTER UPDATE ON attachment
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'attachment', NEW.id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE NEW.id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'attachment' AND row_id = NEW.id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'attachment' AND row_id = NEW.id;
END;

CREATE TRIGGER row_stamp_attachment_delete AFTER DELETE ON attachment
BEGIN
    DELETE FROM row_stamp WHERE kind = 'attachment' AND row_id = OLD.id;
END;

-- What else an object shows.

CREATE TRIGGER row_stamp_agenda_item_meeting_insert AFTER INSERT ON agenda_item
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'meeting', NEW.meeting_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE NEW.meeting_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'meeting' AND row_id = NEW.meeting_id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'meeting' AND row_id = NEW.meeting_id;
END;

CREATE TRIGGER row_stamp_agenda_item_meeting_update AFTER UPDATE ON agenda_item
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'meeting', NEW.meeting_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE NEW.meeting_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'meeting' AND row_id = NEW.meeting_id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'meeting' AND row_id = NEW.meeting_id;
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'meeting', OLD.meeting_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE OLD.meeting_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'meeting' AND row_id = OLD.meeting_id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'meeting' AND row_id = OLD.meeting_id;
END;

CREATE TRIGGER row_stamp_agenda_item_meeting_delete AFTER DELETE ON agenda_item
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'meeting', OLD.meeting_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE OLD.meeting_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'meeting' AND row_id = OLD.meeting_id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'meeting' AND row_id = OLD.meeting_id;
END;

CREATE TRIGGER row_stamp_decision_insert AFTER INSERT ON decision
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'agenda_item', NEW.item_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE NEW.item_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'agenda_item' AND row_id = NEW.item_id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'agenda_item' AND row_id = NEW.item_id;
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'meeting', (SELECT meeting_id FROM agenda_item WHERE id = NEW.item_id), NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE (SELECT meeting_id FROM agenda_item WHERE id = NEW.item_id) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'meeting' AND row_id = (SELECT meeting_id FROM agenda_item WHERE id = NEW.item_id));
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'meeting' AND row_id = (SELECT meeting_id FROM agenda_item WHERE id = NEW.item_id);
END;

CREATE TRIGGER row_stamp_decision_update AFTER UPDATE ON decision
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'agenda_item', NEW.item_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE NEW.item_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'agenda_item' AND row_id = NEW.item_id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'agenda_item' AND row_id = NEW.item_id;
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'meeting', (SELECT meeting_id FROM agenda_item WHERE id = NEW.item_id), NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE (SELECT meeting_id FROM agenda_item WHERE id = NEW.item_id) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'meeting' AND row_id = (SELECT meeting_id FROM agenda_item WHERE id = NEW.item_id));
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'meeting' AND row_id = (SELECT meeting_id FROM agenda_item WHERE id = NEW.item_id);
END;

CREATE TRIGGER row_stamp_decision_delete AFTER DELETE ON decision
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'agenda_item', OLD.item_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE OLD.item_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'agenda_item' AND row_id = OLD.item_id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'agenda_item' AND row_id = OLD.item_id;
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'meeting', (SELECT meeting_id FROM agenda_item WHERE id = OLD.item_id), NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE (SELECT meeting_id FROM agenda_item WHERE id = OLD.item_id) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'meeting' AND row_id = (SELECT meeting_id FROM agenda_item WHERE id = OLD.item_id));
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'meeting' AND row_id = (SELECT meeting_id FROM agenda_item WHERE id = OLD.item_id);
END;

CREATE TRIGGER row_stamp_attachment_owner_insert AFTER INSERT ON attachment
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'agenda_item', NEW.item_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE NEW.item_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'agenda_item' AND row_id = NEW.item_id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'agenda_item' AND row_id = NEW.item_id;
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'meeting', coalesce(NEW.meeting_id, (SELECT meeting_id FROM agenda_item WHERE id = NEW.item_id)), NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE coalesce(NEW.meeting_id, (SELECT meeting_id FROM agenda_item WHERE id = NEW.item_id)) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'meeting' AND row_id = coalesce(NEW.meeting_id, (SELECT meeting_id FROM agenda_item WHERE id = NEW.item_id)));
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'meeting' AND row_id = coalesce(NEW.meeting_id, (SELECT meeting_id FROM agenda_item WHERE id = NEW.item_id));
END;

CREATE TRIGGER row_stamp_attachment_owner_update AFTER UPDATE ON attachment
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'agenda_item', NEW.item_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE NEW.item_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'agenda_item' AND row_id = NEW.item_id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'agenda_item' AND row_id = NEW.item_id;
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'meeting', coalesce(NEW.meeting_id, (SELECT meeting_id FROM agenda_item WHERE id = NEW.item_id)), NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE coalesce(NEW.meeting_id, (SELECT meeting_id FROM agenda_item WHERE id = NEW.item_id)) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'meeting' AND row_id = coalesce(NEW.meeting_id, (SELECT meeting_id FROM agenda_item WHERE id = NEW.item_id)));
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'meeting' AND row_id = coalesce(NEW.meeting_id, (SELECT meeting_id FROM agenda_item WHERE id = NEW.item_id));
END;

CREATE TRIGGER row_stamp_attachment_owner_delete AFTER DELETE ON attachment
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'agenda_item', OLD.item_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE OLD.item_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'agenda_item' AND row_id = OLD.item_id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'agenda_item' AND row_id = OLD.item_id;
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'meeting', coalesce(OLD.meeting_id, (SELECT meeting_id FROM agenda_item WHERE id = OLD.item_id)), NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE coalesce(OLD.meeting_id, (SELECT meeting_id FROM agenda_item WHERE id = OLD.item_id)) IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'meeting' AND row_id = coalesce(OLD.meeting_id, (SELECT meeting_id FROM agenda_item WHERE id = OLD.item_id)));
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'meeting' AND row_id = coalesce(OLD.meeting_id, (SELECT meeting_id FROM agenda_item WHERE id = OLD.item_id));
END;

CREATE TRIGGER row_stamp_membership_owners_insert AFTER INSERT ON membership
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'body', NEW.body_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE NEW.body_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'body' AND row_id = NEW.body_id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'body' AND row_id = NEW.body_id;
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'person', NEW.person_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE NEW.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'person' AND row_id = NEW.person_id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'person' AND row_id = NEW.person_id;
END;

CREATE TRIGGER row_stamp_membership_owners_update AFTER UPDATE ON membership
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'body', NEW.body_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE NEW.body_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'body' AND row_id = NEW.body_id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'body' AND row_id = NEW.body_id;
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'person', NEW.person_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE NEW.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'person' AND row_id = NEW.person_id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'person' AND row_id = NEW.person_id;
END;

CREATE TRIGGER row_stamp_membership_owners_delete AFTER DELETE ON membership
BEGIN
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'body', OLD.body_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE OLD.body_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'body' AND row_id = OLD.body_id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'body' AND row_id = OLD.body_id;
    INSERT INTO row_stamp (kind, row_id, created, modified)
        SELECT 'person', OLD.person_id, NULL, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
        WHERE OLD.person_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM row_stamp WHERE kind = 'person' AND row_id = OLD.person_id);
    UPDATE row_stamp SET modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE kind = 'person' AND row_id = OLD.person_id;
END;
