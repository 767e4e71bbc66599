-- Documents read into the store by `docket import`, recognised by the SHA-256 of their bytes, so
-- that importing the same document again changes nothing. The document itself is kept as an
-- attachment of the meeting it describes.
CREATE TABLE imported_document (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    file_name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('summons', 'minutes', 'unknown')),
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    items_read INTEGER NOT NULL CHECK (items_read >= 0),
    warnings INTEGER NOT NULL CHECK (warnings >= 0),
    imported_on TEXT NOT NULL CHECK (imported_on IS date(imported_on, '+0 days'))
) STRICT;
CREATE INDEX imported_document_meeting ON imported_document(meeting_id);
