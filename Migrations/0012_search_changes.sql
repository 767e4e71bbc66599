-- The change log of Docket's derived search index (Xapian, beside the database file: see
-- Store+SearchIndex.swift). SQLite stays the one source of truth: every write that changes what an
-- item's search document holds (its texts, its decision, or a filter: body, kind, year, date,
-- outcome, exemption) records the item with a new change number in the same transaction, here by
-- triggers. The index applies the changes after the commit, the next time it is searched, and
-- notes the last number it applied; an index killed before applying them catches up when next
-- opened, so a kill -9 between the store's commit and the index's loses nothing.
--
-- One row per item (the latest number wins), so the log never grows beyond the items ever
-- written. The store's identity lets the index tell its own store from a copy or another file.
CREATE TABLE search_change (
    item_id INTEGER PRIMARY KEY,
    seq INTEGER NOT NULL
) STRICT;
CREATE INDEX search_change_seq ON search_change(seq);

CREATE TABLE search_index_identity (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    identity TEXT NOT NULL
) STRICT;
INSERT INTO search_index_identity (id, identity) VALUES (1, lower(hex(randomblob(16))));

CREATE TRIGGER search_change_item_insert AFTER INSERT ON agenda_item
BEGIN
    INSERT OR REPLACE INTO search_change (item_id, seq) VALUES (NEW.id, (SELECT coalesce(max(seq), 0) + 1 FROM search_change));
END;

CREATE TRIGGER search_change_item_update AFTER UPDATE ON agenda_item
BEGIN
    INSERT OR REPLACE INTO search_change (item_id, seq) VALUES (OLD.id, (SELECT coalesce(max(seq), 0) + 1 FROM search_change));
    INSERT OR REPLACE INTO search_change (item_id, seq) VALUES (NEW.id, (SELECT coalesce(max(seq), 0) + 1 FROM search_change));
END;

CREATE TRIGGER search_change_item_delete AFTER DELETE ON agenda_item
BEGIN
    INSERT OR REPLACE INTO search_change (item_id, seq) VALUES (OLD.id, (SELECT coalesce(max(seq), 0) + 1 FROM search_change));
END;

CREATE TRIGGER search_change_decision_insert AFTER INSERT ON decision
BEGIN
    INSERT OR REPLACE INTO search_change (item_id, seq) VALUES (NEW.item_id, (SELECT coalesce(max(seq), 0) + 1 FROM search_change));
END;

CREATE TRIGGER search_change_decision_update AFTER UPDATE ON decision
BEGIN
    INSERT OR REPLACE INTO search_change (item_id, seq) VALUES (OLD.item_id, (SELECT coalesce(max(seq), 0) + 1 FROM search_change));
    INSERT OR REPLACE INTO search_change (item_id, seq) VALUES (NEW.item_id, (SELECT coalesce(max(seq), 0) + 1 FROM search_change));
END;

CREATE TRIGGER search_change_decision_delete AFTER DELETE ON decision
BEGIN
    INSERT OR REPLACE INTO search_change (item_id, seq) VALUES (OLD.item_id, (SELECT coalesce(max(seq), 0) + 1 FROM search_change));
END;

-- A meeting's date and a body's slug are filters of every item they hold.
CREATE TRIGGER search_change_meeting_date AFTER UPDATE OF date ON meeting
BEGIN
    INSERT OR REPLACE INTO search_change (item_id, seq)
    SELECT i.id, (SELECT coalesce(max(seq), 0) + 1 FROM search_change) FROM agenda_item i WHERE i.meeting_id = NEW.id;
END;

CREATE TRIGGER search_change_body_slug AFTER UPDATE OF slug ON body
BEGIN
    INSERT OR REPLACE INTO search_change (item_id, seq)
    SELECT i.id, (SELECT coalesce(max(seq), 0) + 1 FROM search_change) FROM agenda_item i WHERE i.body_id = NEW.id;
END;
