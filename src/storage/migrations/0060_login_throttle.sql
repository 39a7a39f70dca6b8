-- Failed logins counted per (lower-case username, client IP), for known and unknown usernames alike
-- (the answer must not tell which usernames exist, and nobody can lock an account out from another
-- address). Replaces users.failed_logins / users.locked_until, which stay unused.
CREATE TABLE login_throttle (
  username TEXT NOT NULL,
  ip TEXT NOT NULL,
  failures INTEGER NOT NULL DEFAULT 0,
  locked_until BIGINT NOT NULL DEFAULT 0,       -- unix seconds
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (username, ip)
);
