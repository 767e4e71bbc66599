-- The secretary's web area (`docket serve`): who may sign in, their sessions, failed sign-ins
-- (for throttling) and the audit log of every write made through the web.
--
-- Passwords are stored as bcrypt hashes only; a session's token is stored as its SHA-256 hash, so
-- a copy of the file does not let anyone sign in. Times are Unix seconds (UTC).

CREATE TABLE app_user (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(name)) > 0),
    role          TEXT NOT NULL CHECK (role IN ('admin', 'secretary', 'reader')),
    password_hash TEXT NOT NULL CHECK (length(password_hash) > 0),
    created_at    INTEGER NOT NULL
);

CREATE TABLE app_session (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
);
CREATE INDEX app_session_user ON app_session(user_id);

CREATE TABLE login_failure (
    id        INTEGER PRIMARY KEY,
    user_name TEXT NOT NULL COLLATE NOCASE,
    address   TEXT NOT NULL,
    at        INTEGER NOT NULL
);
CREATE INDEX login_failure_name ON login_failure(user_name, at);
CREATE INDEX login_failure_address ON login_failure(address, at);

-- Who did what when. user_name is kept as text, so the log outlives a removed user.
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    user_name TEXT NOT NULL,
    action    TEXT NOT NULL,
    detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at);
