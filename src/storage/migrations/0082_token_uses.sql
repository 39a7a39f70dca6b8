-- Each use of an API token (issue 17): when, what was asked, the answer's status and from where.
-- Kept 90 days (pruned as uses are recorded); the token's owner and a sysadmin read it.
CREATE TABLE api_token_uses (
  id {{ID}},
  token_id BIGINT NOT NULL REFERENCES api_tokens(id),
  at TEXT NOT NULL,                      -- NowIso(), UTC
  method TEXT NOT NULL,
  path TEXT NOT NULL,                    -- the path only, at most 512 characters
  status INTEGER NOT NULL,
  ip TEXT NOT NULL DEFAULT ''
);
CREATE INDEX api_token_uses_token ON api_token_uses(token_id, id);
