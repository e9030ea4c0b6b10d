-- Secondary indexes of the SLA tables no longer share a leading column with the per-ticket keys.
-- A ticket's clocks, due work and done records are looked up by (tenant_id, ticket_id, ...), the
-- primary keys. When a table is small or its statistics are stale, the planner estimates one row
-- for every index whose leading column is tenant_id and may pick a time index for a key lookup
-- (Index Cond: tenant_id only); a prepared statement's generic plan then keeps that choice while
-- the table grows, and each write call reads the whole tenant (measured: tk_sla_clock_by_period
-- and tk_sla_work_by_time chosen for key lookups in the issue 17 harness). The time indexes now
-- lead with the time column, so only the primary keys can serve a key lookup.
drop index tk_sla_work_by_time;
create index tk_sla_work_by_time on tk_sla_work (due_at);
drop index tk_sla_done_by_time;
create index tk_sla_done_by_time on tk_sla_done (done_at, tenant_id);
drop index tk_sla_clock_by_period;
create index tk_sla_clock_by_period on tk_sla_clock (stopped_at, tenant_id, started_at);
