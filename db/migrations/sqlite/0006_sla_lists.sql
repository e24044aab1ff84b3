-- SLA lists as indexed queries (SQLite). Two derived columns, written with
-- every complaint row by the repository:
--   sla_breach_time  0 when a clock stopped late, else the earliest due time
--                    of the running clocks, NULL when no clock runs;
--   sla_risk_time    the earliest at-risk time of the running clocks, or NULL.
-- "Breached" is sla_breach_time <= now, "at risk" sla_risk_time <= now and not
-- breached: a range scan per office. Existing rows are filled in.
ALTER TABLE complaints ADD COLUMN sla_breach_time INTEGER NULL;
ALTER TABLE complaints ADD COLUMN sla_risk_time INTEGER NULL;
UPDATE complaints SET
  sla_breach_time = CASE
    WHEN service_breached = 1 OR resolution_breached = 1 THEN 0
    WHEN service_due IS NULL THEN resolution_due
    WHEN resolution_due IS NULL THEN service_due
    ELSE min(service_due, resolution_due) END,
  sla_risk_time = CASE
    WHEN service_at_risk IS NULL THEN resolution_at_risk
    WHEN resolution_at_risk IS NULL THEN service_at_risk
    ELSE min(service_at_risk, resolution_at_risk) END;
CREATE INDEX IF NOT EXISTS ix_complaints_office_sla_breach
  ON complaints (office_code, sla_breach_time);
CREATE INDEX IF NOT EXISTS ix_complaints_office_sla_risk
  ON complaints (office_code, sla_risk_time);
