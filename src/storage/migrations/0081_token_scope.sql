-- API tokens for other systems (issue 17): an optional expiry, an optional module limit, the
-- address of the last use, and requests per token per day.
ALTER TABLE api_tokens ADD COLUMN expires_at TEXT;
ALTER TABLE api_tokens ADD COLUMN modules TEXT NOT NULL DEFAULT '';
ALTER TABLE api_tokens ADD COLUMN last_used_ip TEXT;

CREATE TABLE api_token_usage (
  token_id BIGINT NOT NULL REFERENCES api_tokens(id),
  day TEXT NOT NULL,                     -- YYYY-MM-DD, the deployment's local date
  requests BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (token_id, day)
);
