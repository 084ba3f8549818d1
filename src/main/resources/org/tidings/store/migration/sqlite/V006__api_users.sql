-- tidings schema 5: users of the daemon's sync API (Google Reader API) and their login tokens.
-- Only a slow salted hash of each password is kept (bcrypt), and only a SHA-256 hash of each
-- token: the tokens themselves are random and never stored. fever_key is the Fever API's key,
-- md5("name:password"), kept only for users added with --fever (Fever clients send exactly that).
CREATE TABLE api_users (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,
    fever_key     TEXT UNIQUE,
    created_at    INTEGER NOT NULL
);

CREATE TABLE api_tokens (
    token_hash TEXT PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES api_users (id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);
