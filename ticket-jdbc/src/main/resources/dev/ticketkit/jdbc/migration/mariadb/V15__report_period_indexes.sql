-- TicketKit report (issue 12, speed): the remaining period conditions of the report's queries get
-- an index each, so that the one statement per fact table that answers a report's queries
-- together (its WHERE is the OR of every query's period condition) can be planned as a union of
-- index ranges (PostgreSQL: BitmapOr) instead of a scan of the tenant's whole history. Each index
-- leads with its instant, then the tenant: no secondary index may lead with tenant_id (see V11).

create index tk_report_cycle_by_accepted on tk_report_cycle (accepted_at, tenant_id);
create index tk_report_cycle_by_first_reply on tk_report_cycle (first_reply_at, tenant_id);
create index tk_report_cycle_by_reopened on tk_report_cycle (reopened_at, tenant_id);
create index tk_report_cycle_by_escalated on tk_report_cycle (escalated_at, tenant_id);
