-- Issue 17: the SLA engine's cost per ticket change. V7 indexed tk_sla_clock by started_at and by
-- due_at for the report SQL's period conditions; since V16 the report reads stopped clocks from
-- tk_report_clock (by last_at) and only the open clocks of tk_sla_clock (stopped_at is null, which
-- tk_sla_clock_by_period (stopped_at, tenant_id, started_at) serves, the start included), and the
-- SLA store's period read uses the same index. No statement reads tk_sla_clock by either index
-- any more, yet every clock insert and every clock update (a stop, a pause, a new due instant)
-- wrote an entry in each: half of the clock table's index entries. The clock keeps its primary
-- key and tk_sla_clock_by_period.
drop index tk_sla_clock_by_started;
drop index tk_sla_clock_by_due;
