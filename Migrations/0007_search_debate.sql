-- The debate in the search index: what the minutes record of an item's handling (Behandling: who
-- proposed what, how the vote went, remarks to the vote), kept as the decision's remarks, becomes a
-- fifth column, `debate`, so that `docket search skolebygg` finds an item where only the handling
-- says the word. The table is made again with the new column and filled from the store; the
-- triggers follow the decision's remarks as they follow its text.
DROP TRIGGER item_search_item_insert;
DROP TRIGGER item_search_item_update;
DROP TRIGGER item_search_item_delete;
DROP TRIGGER item_search_decision_insert;
DROP TRIGGER item_search_decision_update;
DROP TRIGGER item_search_decision_delete;
DROP TABLE item_search;

CREATE VIRTUAL TABLE item_search USING fts5(
    title, case_text, proposal, decision, debate,
    tokenize = 'norwegian_v1'
);

-- The store ranks with docket_topk / docket_bm25 and its own weights (Store.ranking); FTS5's rank is
-- set to the same weights for anyone who asks ORDER BY rank.
INSERT INTO item_search (item_search, rank) VALUES ('rank', 'bm25(10.0, 1.0, 2.0, 5.0, 1.0)');

INSERT INTO item_search (rowid, title, case_text, proposal, decision, debate)
SELECT i.id, i.title, i.case_text, i.proposal, d.text, d.remarks
FROM agenda_item i LEFT JOIN decision d ON d.item_id = i.id;

CREATE TRIGGER item_search_item_insert AFTER INSERT ON agenda_item
BEGIN
    INSERT INTO item_search (rowid, title, case_text, proposal, decision, debate)
    SELECT NEW.id, NEW.title, NEW.case_text, NEW.proposal, d.text, d.remarks
    FROM (SELECT 1) LEFT JOIN decision d ON d.item_id = NEW.id;
END;

CREATE TRIGGER item_search_item_update AFTER UPDATE OF title, case_text, proposal ON agenda_item
BEGIN
    DELETE FROM item_search WHERE rowid = OLD.id;
    INSERT INTO item_search (rowid, title, case_text, proposal, decision, debate)
    SELECT NEW.id, NEW.title, NEW.case_text, NEW.proposal, d.text, d.remarks
    FROM (SELECT 1) LEFT JOIN decision d ON d.item_id = NEW.id;
END;

CREATE TRIGGER item_search_item_delete AFTER DELETE ON agenda_item
BEGIN
    DELETE FROM item_search WHERE rowid = OLD.id;
END;

CREATE TRIGGER item_search_decision_insert AFTER INSERT ON decision
BEGIN
    DELETE FROM item_search WHERE rowid = NEW.item_id;
    INSERT INTO item_search (rowid, title, case_text, proposal, decision, debate)
    SELECT i.id, i.title, i.case_text, i.proposal, NEW.text, NEW.remarks FROM agenda_item i WHERE i.id = NEW.item_id;
END;

CREATE TRIGGER item_search_decision_update AFTER UPDATE OF text, remarks ON decision
BEGIN
    DELETE FROM item_search WHERE rowid = NEW.item_id;
    INSERT INTO item_search (rowid, title, case_text, proposal, decision, debate)
    SELECT i.id, i.title, i.case_text, i.proposal, NEW.text, NEW.remarks FROM agenda_item i WHERE i.id = NEW.item_id;
END;

CREATE TRIGGER item_search_decision_delete AFTER DELETE ON decision
BEGIN
    DELETE FROM item_search WHERE rowid = OLD.item_id;
    INSERT INTO item_search (rowid, title, case_text, proposal, decision, debate)
    SELECT i.id, i.title, i.case_text, i.proposal, NULL, NULL FROM agenda_item i WHERE i.id = OLD.item_id;
END;
