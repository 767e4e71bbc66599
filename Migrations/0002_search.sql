-- Full-text search over agenda items: title, case text, proposal and decision, one row per item
-- (rowid = agenda_item.id), through the Norwegian tokenizer (æøå kept, Snowball stems, compound
-- parts). The store registers 'norwegian_v1' on every connection it opens.
--
-- The index keeps its own copy of the text, so a row can be replaced by rowid alone: the triggers
-- below keep it in step with agenda_item and decision inside the same transaction. There is no
-- rebuild step to remember; `docket reindex` rebuilds it after a change of the tokenizer.
CREATE VIRTUAL TABLE item_search USING fts5(
    title, case_text, proposal, decision,
    tokenize = 'norwegian_v1'
);

-- Ranking: bm25 with a word in the title weighing ten times one in the case text, the decision
-- five times, the proposal twice. Set as the table's rank, so that ORDER BY rank takes FTS5's fast path.
INSERT INTO item_search (item_search, rank) VALUES ('rank', 'bm25(10.0, 1.0, 2.0, 5.0)');

INSERT INTO item_search (rowid, title, case_text, proposal, decision)
SELECT i.id, i.title, i.case_text, i.proposal, d.text
FROM agenda_item i LEFT JOIN decision d ON d.item_id = i.id;

CREATE TRIGGER item_search_item_insert AFTER INSERT ON agenda_item
BEGIN
    INSERT INTO item_search (rowid, title, case_text, proposal, decision)
    VALUES (NEW.id, NEW.title, NEW.case_text, NEW.proposal, (SELECT text FROM decision WHERE item_id = NEW.id));
END;

CREATE TRIGGER item_search_item_update AFTER UPDATE OF title, case_text, proposal ON agenda_item
BEGIN
    DELETE FROM item_search WHERE rowid = OLD.id;
    INSERT INTO item_search (rowid, title, case_text, proposal, decision)
    VALUES (NEW.id, NEW.title, NEW.case_text, NEW.proposal, (SELECT text FROM decision WHERE item_id = NEW.id));
END;

CREATE TRIGGER item_search_item_delete AFTER DELETE ON agenda_item
BEGIN
    DELETE FROM item_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER item_search_decision_insert AFTER INSERT ON decision
BEGIN
    DELETE FROM item_search WHERE rowid = NEW.item_id;
    INSERT INTO item_search (rowid, title, case_text, proposal, decision)
    SELECT i.id, i.title, i.case_text, i.proposal, NEW.text FROM agenda_item i WHERE i.id = NEW.item_id;
END;

CREATE TRIGGER item_search_decision_update AFTER UPDATE OF text ON decision
BEGIN
    DELETE FROM item_search WHERE rowid = NEW.item_id;
    INSERT INTO item_search (rowid, title, case_text, proposal, decision)
    SELECT i.id, i.title, i.case_text, i.proposal, NEW.text FROM agenda_item i WHERE i.id = NEW.item_id;
END;

CREATE TRIGGER item_search_decision_delete AFTER DELETE ON decision
BEGIN
    DELETE FROM item_search WHERE rowid = OLD.item_id;
    INSERT INTO item_search (rowid, title, case_text, proposal, decision)
    SELECT i.id, i.title, i.case_text, i.proposal, NULL FROM agenda_item i WHERE i.id = OLD.item_id;
END;
