-- parkhq:sqlite-table-rebuild
-- Copying a plan to a new year (issue 19): a task's number is unique within its plan, not its park,
-- so a park can hold the 2023 plan and next year's copy side by side.
-- PostgreSQL drops the constraint it named for UNIQUE (park_id, no) and adds the new one. SQLite cannot
-- alter a constraint: the table is rebuilt (create, copy, drop, rename), with foreign keys switched off
-- for this migration by the runner and checked (PRAGMA foreign_key_check) before it commits. task_units
-- and task_items keep referencing tasks(id) by name; the ids are copied unchanged.
{{PG(ALTER TABLE tasks DROP CONSTRAINT tasks_park_id_no_key;
ALTER TABLE tasks ADD CONSTRAINT tasks_plan_id_no_key UNIQUE (plan_id, no);)}}
{{SQLITE(CREATE TABLE tasks_new (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  park_id BIGINT NOT NULL REFERENCES parks(id),
  no INTEGER NOT NULL,
  group_name TEXT NOT NULL,
  title TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  plan_id BIGINT,
  content TEXT NOT NULL DEFAULT '',
  UNIQUE (plan_id, no)
);
INSERT INTO tasks_new(id, park_id, no, group_name, title, note, plan_id, content)
  SELECT id, park_id, no, group_name, title, note, plan_id, content FROM tasks;
DROP TABLE tasks;
ALTER TABLE tasks_new RENAME TO tasks;)}}
CREATE INDEX tasks_park_plan ON tasks(park_id, plan_id);
