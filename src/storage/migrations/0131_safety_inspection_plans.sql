-- Inspection plans (检查计划, issue 14 item 2): an inspection is planned (its date the planned day,
-- no hazards yet) until it is carried out (done: the day it happened, with the hazards found).
ALTER TABLE safety_inspections ADD COLUMN status TEXT NOT NULL DEFAULT 'done';
