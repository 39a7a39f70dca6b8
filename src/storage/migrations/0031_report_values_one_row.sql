-- Enterprises: a report's values move into the report row (values_json, one JSON object of
-- field code -> number) instead of one enterprise_report_values row per field. A bulk import then
-- writes one row per report, which is what brings it near the speed of a bare append
-- (docs/decisions/0004-report-values-one-row.md). Existing values are carried over. Every query
-- reaches reports through the enterprise (UNIQUE (enterprise_id, period)); the park index served
-- none of them and cost an index insert per report, so it goes.
ALTER TABLE enterprise_reports ADD COLUMN values_json TEXT NOT NULL DEFAULT '{}';
UPDATE enterprise_reports SET values_json = COALESCE(
  (SELECT CAST({{JSON_OBJECT_AGG}}(v.field, {{JSON_NUMBER(v.value)}}) AS TEXT) FROM enterprise_report_values v
   WHERE v.enterprise_id = enterprise_reports.enterprise_id AND v.period = enterprise_reports.period), '{}');
DROP INDEX enterprise_report_values_park;
DROP TABLE enterprise_report_values;
DROP INDEX enterprise_reports_park;
