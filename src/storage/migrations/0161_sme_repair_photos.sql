-- Photos of repair tickets (报修照片, issue 16 item 4). The content is kept once per SHA-256 in the
-- management loop's task_files (the same store and limits as progress-report attachments); each
-- upload is a row linking a ticket to a content hash with the name and type it was uploaded under.
CREATE TABLE sme_repair_photos (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  repair_id BIGINT NOT NULL REFERENCES sme_repairs(id),
  sha256 TEXT NOT NULL REFERENCES task_files(sha256),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX sme_repair_photos_repair ON sme_repair_photos(park_id, repair_id);
