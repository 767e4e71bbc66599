-- Docket's schema, version 1: bodies and their members, meetings, numbered agenda items,
-- decisions, attendance and the approval of minutes.
--
-- Rules live here as constraints, not only in Swift: every enumeration has a CHECK, every
-- link a foreign key, numbering a UNIQUE index. Dates are ISO 8601 text ('2019-02-13'; a day that
-- does not exist, like '2019-02-30', is refused because date(x, '+0 days') normalises it),
-- times are local wall-clock text ('13:00'), booleans are 0/1.

-- Organisations that members represent: municipalities, the county, companies, the cooperation's office.
CREATE TABLE organisation (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    kind TEXT NOT NULL DEFAULT 'municipality'
        CHECK (kind IN ('municipality', 'county', 'company', 'office', 'other')),
    -- A member of the cooperation: the mandates require it to sit in every expert group.
    is_cooperation_member INTEGER NOT NULL DEFAULT 0 CHECK (is_cooperation_member IN (0, 1)),
    -- Organisasjonsnummer in Enhetsregisteret, nine digits.
    organisation_number TEXT CHECK (organisation_number IS NULL OR
        (length(organisation_number) = 9 AND organisation_number NOT GLOB '*[^0-9]*'))
) STRICT;

-- A body that meets and decides. Bodies form a tree: an expert group reports to a steering group.
CREATE TABLE body (
    id INTEGER PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE CHECK (length(slug) BETWEEN 1 AND 40 AND slug = lower(slug) AND slug NOT GLOB '*[^a-z0-9æøå-]*'),
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    kind TEXT NOT NULL DEFAULT 'other' CHECK (kind IN
        ('steering_group', 'expert_group', 'co_governance_committee', 'portfolio_board', 'council', 'committee', 'other')),
    parent_id INTEGER REFERENCES body(id) ON DELETE RESTRICT CHECK (parent_id IS NULL OR parent_id <> id),
    mandate TEXT,
    -- The series a bare number ("sak 8/19") means in this body's documents; NULL for one plain series.
    default_series TEXT CHECK (default_series IS NULL OR
        (length(default_series) BETWEEN 2 AND 4 AND default_series NOT GLOB '*[^A-Z]*')),
    -- A folder of the body's own document templates, overriding the defaults.
    template_folder TEXT
) STRICT;

-- Other names a body goes by in documents ("Digi Rogalands styringsgruppe"), for matching imports.
CREATE TABLE body_alias (
    alias TEXT NOT NULL PRIMARY KEY COLLATE NOCASE CHECK (length(trim(alias)) > 0),
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE
) STRICT;
CREATE INDEX body_alias_body ON body_alias(body_id);

-- The standing items (faste saker) each new meeting of a body begins with, in order.
CREATE TABLE standing_item (
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    position INTEGER NOT NULL CHECK (position > 0),
    purpose TEXT NOT NULL CHECK (purpose IN
        ('approve_agenda', 'approve_previous_minutes', 'information', 'any_other_business', 'other')),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    kind TEXT NOT NULL CHECK (kind IN ('decision', 'information', 'discussion')),
    basis TEXT,
    proposal TEXT,
    PRIMARY KEY (body_id, position)
) STRICT;

CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    email TEXT,
    -- The person's title, printed under a signature ("Leder i styringsgruppen" is the role; this is "rådmann").
    title TEXT
) STRICT;
CREATE INDEX person_name ON person(name COLLATE NOCASE);

-- A person's seat in a body: role, the organisation represented, whether the seat votes, and when.
CREATE TABLE membership (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
    role TEXT NOT NULL CHECK (role IN
        ('chair', 'deputy_chair', 'member', 'deputy', 'adviser', 'union_representative', 'observer', 'secretary')),
    organisation_id INTEGER REFERENCES organisation(id) ON DELETE RESTRICT,
    votes INTEGER NOT NULL CHECK (votes IN (0, 1)),
    from_date TEXT CHECK (from_date IS NULL OR from_date IS date(from_date, '+0 days')),
    to_date TEXT CHECK (to_date IS NULL OR to_date IS date(to_date, '+0 days')),
    CHECK (from_date IS NULL OR to_date IS NULL OR to_date >= from_date)
) STRICT;
CREATE INDEX membership_body ON membership(body_id);
CREATE INDEX membership_person ON membership(person_id);

CREATE TABLE meeting (
    id INTEGER PRIMARY KEY,
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE RESTRICT,
    date TEXT NOT NULL CHECK (date IS date(date, '+0 days')),
    start_time TEXT CHECK (start_time IS NULL OR (start_time GLOB '[0-2][0-9]:[0-5][0-9]' AND start_time <= '23:59')),
    end_time TEXT CHECK (end_time IS NULL OR (end_time GLOB '[0-2][0-9]:[0-5][0-9]' AND end_time <= '23:59')),
    place TEXT,
    kind TEXT NOT NULL DEFAULT 'ordinary' CHECK (kind IN ('ordinary', 'extraordinary', 'circulation')),
    status TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'summoned', 'held', 'minutes_approved', 'cancelled')),
    minute_taker_id INTEGER REFERENCES person(id) ON DELETE RESTRICT,
    -- The summons letter: where and when it was issued, to whom, and who signs it.
    summons_place TEXT,
    summons_date TEXT CHECK (summons_date IS NULL OR summons_date IS date(summons_date, '+0 days')),
    addressees TEXT,
    signer_id INTEGER REFERENCES person(id) ON DELETE RESTRICT,
    UNIQUE (body_id, date)
) STRICT;

-- The matter (sak) itself, which may come before several meetings and bodies: postponed,
-- referred or escalated, each time as a new agenda item linked to the same case file.
CREATE TABLE case_file (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    -- Arkivsaksnummer in the archive (Noark 5), e.g. '2019/123'.
    archive_number TEXT UNIQUE
) STRICT;

-- The last sequence number handed out per body, year and series: numbers are never reused,
-- even when the item that had one is deleted.
CREATE TABLE number_counter (
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,
    year INTEGER NOT NULL,
    series TEXT NOT NULL,
    last_sequence INTEGER NOT NULL CHECK (last_sequence >= 0),
    PRIMARY KEY (body_id, year, series)
) STRICT, WITHOUT ROWID;

CREATE TABLE agenda_item (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE RESTRICT,
    case_id INTEGER NOT NULL REFERENCES case_file(id) ON DELETE RESTRICT,
    -- The meeting's body, kept here so that numbering can be UNIQUE (a trigger keeps it right).
    body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE RESTRICT,
    -- '' for a body's one plain series, else 'PS', 'RS', …
    series TEXT NOT NULL DEFAULT '' CHECK (series = '' OR (length(series) BETWEEN 2 AND 4 AND series NOT GLOB '*[^A-Z]*')),
    sequence INTEGER NOT NULL CHECK (sequence > 0),
    year INTEGER NOT NULL CHECK (year BETWEEN 1800 AND 2999),
    position INTEGER NOT NULL CHECK (position > 0),
    section TEXT NOT NULL DEFAULT 'for_consideration' CHECK (section IN ('standing', 'for_consideration')),
    -- NULL where an imported document gives no kind.
    kind TEXT CHECK (kind IS NULL OR kind IN ('decision', 'information', 'discussion')),
    -- For standing items: what the item is for.
    standing_purpose TEXT CHECK (standing_purpose IS NULL OR standing_purpose IN
        ('approve_agenda', 'approve_previous_minutes', 'information', 'any_other_business', 'other')),
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    basis TEXT,
    case_text TEXT,
    proposal TEXT,
    archive_case_number TEXT,
    -- Unntatt offentlighet: the public sees the number, the public title and the legal basis only.
    is_exempt INTEGER NOT NULL DEFAULT 0 CHECK (is_exempt IN (0, 1)),
    public_title TEXT,
    exemption_basis TEXT,
    exempt_until TEXT CHECK (exempt_until IS NULL OR exempt_until IS date(exempt_until, '+0 days')),
    handling_status TEXT NOT NULL DEFAULT 'pending' CHECK (handling_status IN ('pending', 'decided', 'postponed', 'sent_back')),
    -- How the item came to this meeting: as a new matter, postponed from an earlier item, or referred from another body.
    arrival TEXT NOT NULL DEFAULT 'new' CHECK (arrival IN ('new', 'postponed', 'referred')),
    previous_item_id INTEGER REFERENCES agenda_item(id) ON DELETE RESTRICT,
    -- The previous-minutes item: the meeting whose minutes it approves.
    approves_meeting_id INTEGER REFERENCES meeting(id) ON DELETE RESTRICT,
    CHECK (is_exempt = 0 OR exemption_basis IS NOT NULL),
    CHECK ((arrival = 'new') = (previous_item_id IS NULL)),
    UNIQUE (body_id, year, series, sequence),
    UNIQUE (meeting_id, position)
) STRICT;
CREATE INDEX agenda_item_case ON agenda_item(case_id);
CREATE INDEX agenda_item_previous ON agenda_item(previous_item_id);

CREATE TRIGGER agenda_item_body_matches_meeting_insert
BEFORE INSERT ON agenda_item
WHEN NEW.body_id IS NOT (SELECT body_id FROM meeting WHERE id = NEW.meeting_id)
BEGIN
    SELECT RAISE(ABORT, 'agenda_item.body_id must be the body of its meeting');
END;

CREATE TRIGGER agenda_item_body_matches_meeting_update
BEFORE UPDATE OF body_id, meeting_id ON agenda_item
WHEN NEW.body_id IS NOT (SELECT body_id FROM meeting WHERE id = NEW.meeting_id)
BEGIN
    SELECT RAISE(ABORT, 'agenda_item.body_id must be the body of its meeting');
END;

-- What the body decided on an item.
CREATE TABLE decision (
    item_id INTEGER PRIMARY KEY REFERENCES agenda_item(id) ON DELETE CASCADE,
    text TEXT,
    outcome TEXT NOT NULL CHECK (outcome IN ('adopted', 'amended', 'rejected', 'postponed', 'withdrawn', 'referred', 'noted')),
    is_unanimous INTEGER NOT NULL DEFAULT 0 CHECK (is_unanimous IN (0, 1)),
    votes_for INTEGER CHECK (votes_for IS NULL OR votes_for >= 0),
    votes_against INTEGER CHECK (votes_against IS NULL OR votes_against >= 0),
    votes_abstaining INTEGER CHECK (votes_abstaining IS NULL OR votes_abstaining >= 0),
    remarks TEXT,
    -- Whether the decision is final, or needs another body's (a recommendation, innstilling).
    is_final INTEGER NOT NULL DEFAULT 1 CHECK (is_final IN (0, 1)),
    -- Where a referred item went.
    referred_to_body_id INTEGER REFERENCES body(id) ON DELETE RESTRICT,
    CHECK (is_unanimous = 0 OR (coalesce(votes_against, 0) = 0))
) STRICT;

-- Votes recorded per member (for, against, blank), with whom the member represents.
CREATE TABLE vote (
    item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
    ballot TEXT NOT NULL CHECK (ballot IN ('for', 'against', 'blank')),
    represents TEXT,
    PRIMARY KEY (item_id, person_id)
) STRICT, WITHOUT ROWID;

-- Who came: present, sent apologies, or attended as substitute for a member.
CREATE TABLE attendance (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
    status TEXT NOT NULL CHECK (status IN ('present', 'apologies', 'substitute')),
    substitute_for_id INTEGER REFERENCES person(id) ON DELETE RESTRICT,
    CHECK ((status = 'substitute') = (substitute_for_id IS NOT NULL)),
    CHECK (substitute_for_id IS NULL OR substitute_for_id <> person_id),
    PRIMARY KEY (meeting_id, person_id)
) STRICT, WITHOUT ROWID;

-- Inhabilitet: a member disqualified for one item, and who took the seat.
CREATE TABLE conflict_of_interest (
    item_id INTEGER NOT NULL REFERENCES agenda_item(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
    legal_basis TEXT,
    replaced_by_id INTEGER REFERENCES person(id) ON DELETE RESTRICT,
    PRIMARY KEY (item_id, person_id)
) STRICT, WITHOUT ROWID;

-- The approval of a meeting's minutes, at a later meeting (standing item 2) or otherwise.
CREATE TABLE minutes_approval (
    meeting_id INTEGER PRIMARY KEY REFERENCES meeting(id) ON DELETE RESTRICT,
    approved_at_meeting_id INTEGER REFERENCES meeting(id) ON DELETE RESTRICT,
    approved_on TEXT NOT NULL CHECK (approved_on IS date(approved_on, '+0 days')),
    CHECK (approved_at_meeting_id IS NULL OR approved_at_meeting_id <> meeting_id)
) STRICT;

CREATE TABLE minutes_signer (
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE RESTRICT,
    PRIMARY KEY (meeting_id, person_id)
) STRICT, WITHOUT ROWID;

-- A change to approved minutes: recorded, never silent. The triggers below refuse any change
-- to an approved meeting's decisions that is not the latest recorded correction.
CREATE TABLE correction (
    id INTEGER PRIMARY KEY,
    meeting_id INTEGER NOT NULL REFERENCES meeting(id) ON DELETE RESTRICT,
    item_id INTEGER REFERENCES agenda_item(id) ON DELETE RESTRICT,
    field TEXT NOT NULL CHECK (field IN ('decision.text', 'decision.outcome')),
    old_value TEXT,
    new_value TEXT,
    reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    corrected_on TEXT NOT NULL CHECK (corrected_on IS date(corrected_on, '+0 days'))
) STRICT;

CREATE TRIGGER decision_final_after_approval_update
BEFORE UPDATE ON decision
WHEN (SELECT m.status FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id WHERE i.id = OLD.item_id) = 'minutes_approved'
 AND NOT EXISTS (
    SELECT 1 FROM correction c
    WHERE c.id = (SELECT max(id) FROM correction) AND c.item_id = NEW.item_id
      AND ((c.field = 'decision.text' AND c.new_value IS NEW.text AND NEW.outcome IS OLD.outcome)
        OR (c.field = 'decision.outcome' AND c.new_value IS NEW.outcome AND NEW.text IS OLD.text))
      AND NEW.is_unanimous IS OLD.is_unanimous AND NEW.votes_for IS OLD.votes_for
      AND NEW.votes_against IS OLD.votes_against AND NEW.votes_abstaining IS OLD.votes_abstaining)
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: record a correction instead');
END;

CREATE TRIGGER decision_final_after_approval_insert
BEFORE INSERT ON decision
WHEN (SELECT m.status FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id WHERE i.id = NEW.item_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: record a correction instead');
END;

CREATE TRIGGER decision_final_after_approval_delete
BEFORE DELETE ON decision
WHEN (SELECT m.status FROM meeting m JOIN agenda_item i ON i.meeting_id = m.id WHERE i.id = OLD.item_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: decisions cannot be deleted');
END;

CREATE TRIGGER attendance_final_after_approval_insert
BEFORE INSERT ON attendance
WHEN (SELECT status FROM meeting WHERE id = NEW.meeting_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: attendance cannot change');
END;

CREATE TRIGGER attendance_final_after_approval_update
BEFORE UPDATE ON attendance
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: attendance cannot change');
END;

CREATE TRIGGER attendance_final_after_approval_delete
BEFORE DELETE ON attendance
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: attendance cannot change');
END;

CREATE TRIGGER agenda_item_final_after_approval_delete
BEFORE DELETE ON agenda_item
WHEN (SELECT status FROM meeting WHERE id = OLD.meeting_id) = 'minutes_approved'
BEGIN
    SELECT RAISE(ABORT, 'the minutes of this meeting are approved: its items cannot be deleted');
END;

-- Files that belong to an item or a meeting. The bytes are stored once per content (by SHA-256),
-- however many items carry the same file.
CREATE TABLE stored_file (
    sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    size INTEGER NOT NULL CHECK (size >= 0),
    content BLOB
) STRICT, WITHOUT ROWID;

CREATE TABLE attachment (
    id INTEGER PRIMARY KEY,
    item_id INTEGER REFERENCES agenda_item(id) ON DELETE CASCADE,
    meeting_id INTEGER REFERENCES meeting(id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    media_type TEXT NOT NULL DEFAULT 'application/octet-stream' CHECK (media_type GLOB '?*/?*'),
    sha256 TEXT REFERENCES stored_file(sha256) ON DELETE RESTRICT,
    -- A file kept outside the database, where the bytes are not stored.
    file_reference TEXT,
    position INTEGER NOT NULL DEFAULT 1,
    CHECK ((item_id IS NULL) <> (meeting_id IS NULL)),
    CHECK (sha256 IS NOT NULL OR file_reference IS NOT NULL)
) STRICT;
CREATE INDEX attachment_item ON attachment(item_id);
CREATE INDEX attachment_meeting ON attachment(meeting_id);
