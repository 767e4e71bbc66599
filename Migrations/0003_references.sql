-- References written in an item's texts ("sak 22/18", "jf. sak 08/19", "PS 12/19"), as found.
-- They are resolved when read, against the items the store holds then: a reference to an item
-- imported later resolves without any step to remember, and one that names another body's item
-- ("i deres styringsgruppe sak 01 – 2019") is never resolved to this body's item of that number.
CREATE TABLE item_reference (
    item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL CHECK (ordinal > 0),
    text TEXT NOT NULL,
    series TEXT NOT NULL DEFAULT '' CHECK (series = '' OR (length(series) BETWEEN 2 AND 4 AND series NOT GLOB '*[^A-Z]*')),
    sequence INTEGER NOT NULL CHECK (sequence > 0),
    year INTEGER NOT NULL,
    names_another_body INTEGER NOT NULL DEFAULT 0 CHECK (names_another_body IN (0, 1)),
    PRIMARY KEY (item_id, ordinal)
) STRICT, WITHOUT ROWID;
CREATE INDEX item_reference_target ON item_reference(year, sequence, series);

-- How an item came to share its case file with others: set by a secretary (explicit), by the same
-- archive case number, or by the same title in another body (a guess, shown as one).
ALTER TABLE agenda_item ADD COLUMN case_link TEXT NOT NULL DEFAULT 'explicit'
    CHECK (case_link IN ('explicit', 'archive_number', 'title'));
