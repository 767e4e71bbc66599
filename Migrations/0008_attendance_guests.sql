-- Guests at a meeting: a person who is no member of the body (an invited speaker, a consultant, the
-- auditor) is recorded as present with what they came as ("revisor", "innleder sak 8/19") and
-- printed among the others present in the minutes. A guest is present by definition.

ALTER TABLE attendance ADD COLUMN guest_role TEXT
    CHECK (guest_role IS NULL OR (status = 'present' AND length(trim(guest_role)) > 0));
