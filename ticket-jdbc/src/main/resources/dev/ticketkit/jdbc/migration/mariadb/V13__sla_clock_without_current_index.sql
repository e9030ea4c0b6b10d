-- Issue 17: the SLA engine's writes per ticket change. A ticket's current clocks are read by the
-- primary key's prefix (tenant_id, ticket_id) with the latest flag as a filter: a ticket has a
-- handful of clocks, so the range is as short as the (tenant_id, ticket_id, latest) index's, and
-- that index, written on every clock insert and on every clock update (each stop changes the
-- flag or stopped_at), cost one index entry per clock row written and served nothing else.
drop index tk_sla_clock_current on tk_sla_clock;
