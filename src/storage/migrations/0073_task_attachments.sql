-- Attachments of progress reports (台账附件, issue 19). The content is stored once per SHA-256
-- (task_files, base64 text: portable across SQLite and PostgreSQL); each upload is a row linking a
-- report to a content hash with the name and type it was uploaded under.
CREATE TABLE task_files (
  sha256 TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  data_b64 TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE task_report_files (
  id {{ID}},
  park_id BIGINT NOT NULL REFERENCES parks(id),
  report_id BIGINT NOT NULL REFERENCES task_reports(id),
  sha256 TEXT NOT NULL REFERENCES task_files(sha256),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size BIGINT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX task_report_files_report ON task_report_files(report_id);
