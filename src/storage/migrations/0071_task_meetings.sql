-- Dispatch meetings (调度会, issue 19): date, chair, units attending, agenda and minutes. Their decisions
-- are 督办单 (supervisions.source_kind = 'meeting', source_id = the meeting's id), tracked like any other.
CREATE TABLE meetings (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  title TEXT NOT NULL,
  held_on TEXT NOT NULL,                         -- YYYY-MM-DD
  chair TEXT NOT NULL DEFAULT '',
  units TEXT NOT NULL DEFAULT '',                -- unit names attending, joined by 、
  agenda TEXT NOT NULL DEFAULT '',               -- one agenda point per line
  minutes TEXT NOT NULL DEFAULT '',              -- the minutes' body (会议纪要)
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  is_demo INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX meetings_park ON meetings(park_id, held_on);
