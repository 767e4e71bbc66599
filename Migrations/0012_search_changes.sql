-- The change log of Docket's derived search index (Xapian, beside the database file: see
-- Store+SearchIndex.swift). SQLite stays the one source of truth: every write that changes what an
-- item's search document holds (its texts, its decision, or a filter: body, kind, year, date,
-- outcome, exemption) records the item with a new change number in the same transaction, here by
-- triggers. The index applies the changes after the commit, the next time it is searched, and
-- notes the last number it applied; an index killed before applying them catches up when next
-- opened, so a kill -9 between the store's commit and the index's loses nothing.
--
-- One row per item (its latest number: the old row is deleted first, since an outer statement's
-- conflict clause would override a trigger's OR REPLACE), and the highest number always the last change, so the log never grows beyond the items ever
-- written. The store's identity lets the index tell its own store from a copy or another file.
CREATE TABLE search_change (
    -- AUTOINCREMENT: a number is never given twice, even after the row holding the highest is deleted.
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    item_id INTEGER NOT NULL UNIQUE
) STRICT;

CREATE TABLE search_index_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    identity TEXT NOT NULL
) STRICT;
INSERT INTO search_index_identity (id, identity) VALUES (1, lower(hex(randomblob(16))));

CREATE TRIGGER search_change_item_insert AFTER INSERT ON agenda_item
BEGIN
    DELETE FROM search_change WHERE item_id = NEW.id;
    INSERT INTO search_change (item_id) VALUES (NEW.id);
END;

CREATE TRIGGER search_change_item_update AFTER UPDATE ON agenda_item
BEGIN
    DELETE FROM search_change WHERE item_id = OLD.id;
    INSERT INTO search_change (item_id) VALUES (OLD.id);
    DELETE FROM search_change WHERE item_id = NEW.id;
    INSERT INTO search_change (item_id) VALUES (NEW.id);
END;

CREATE TRIGGER search_change_item_delete AFTER DELETE ON agenda_item
BEGIN
    DELETE FROM search_change WHERE item_id = OLD.id;
    INSERT INTO search_change (item_id) VALUES (OLD.id);
END;

CREATE TRIGGER search_change_decision_insert AFTER INSERT ON decision
BEGIN
    DELETE FROM search_change WHERE item_id = NEW.item_id;
    INSERT INTO search_change (item_id) VALUES (NEW.item_id);
END;

CREATE TRIGGER search_change_decision_update AFTER UPDATE ON decision
BEGIN
    DELETE FROM search_change WHERE item_id = OLD.item_id;
    INSERT INTO search_change (item_id) VALUES (OLD.item_id);
    DELETE FROM search_change WHERE item_id = NEW.item_id;
    INSERT INTO search_change (item_id) VALUES (NEW.item_id);
END;

CREATE TRIGGER search_change_decision_delete AFTER DELETE ON decision
BEGIN
    DELETE FROM search_change WHERE item_id = OLD.item_id;
    INSERT INTO search_change (item_id) VALUES (OLD.item_id);
END;

-- A meeting's date and a body's slug are filters of every item they hold.
CREATE TRIGGER search_change_meeting_date AFTER UPDATE OF date ON meeting
BEGIN
    DELETE FROM search_change WHERE item_id IN (SELECT id FROM agenda_item WHERE meeting_id = NEW.id);
    INSERT INTO search_change (item_id) SELECT i.id FROM agenda_item i WHERE i.meeting_id = NEW.id;
END;

CREATE TRIGGER search_change_body_slug AFTER UPDATE OF slug ON body
BEGIN
    DELETE FROM search_change WHERE item_id IN (SELECT id FROM agenda_item WHERE body_id = NEW.id);
    INSERT INTO search_change (item_id) SELECT i.id FROM agenda_item i WHERE i.body_id = NEW.id;
END;
