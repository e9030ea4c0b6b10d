-- TicketKit report (issue 12, speed): the finished SLA clocks as the report reads them.
-- One narrow row per stopped clock (MET, BREACHED or CANCELLED with a stop instant), written only
-- by a kit whose SQL report source is attached (JdbcTicketKit.reportSource()): the SLA store adds
-- the rows of the clocks a write stops to that same write (in the commit's one statement on
-- PostgreSQL); a kit without the report source writes none and pays nothing. A stopped clock never
-- changes again (the SLA engine returns stopped clocks as they are), so a row, once written, holds.
-- JdbcReportSource.backfillClocks(tenant) fills the table from tk_sla_clock for a database whose
-- clocks stopped before the source was attached. The report reads these rows and the open clocks
-- of tk_sla_clock (stopped_at is null, by tk_sla_clock_by_period). The instants the report
-- filters on are kept resolved (met_at, breached_at, cancelled_at) and the business time in
-- milliseconds (null for a cancelled clock), so a report evaluates no state per row. last_at is
-- the latest instant of the row (stopped_at, or breached_at if later): every report condition on a
-- finished clock implies last_at >= the period's start, which the one index serves.

create table tk_report_clock (
  tenant_id     varchar(64)  collate "C" not null,
  ticket_id     uuid         not null,
  metric        varchar(20)  collate "C" not null,
  cycle         integer      not null,
  ticket_cycle  integer      not null,
  priority      varchar(10)  not null,
  started_at    timestamp(6) not null,
  stopped_at    timestamp(6) not null,
  met_at        timestamp(6),
  breached_at   timestamp(6),
  cancelled_at  timestamp(6),
  business_ms   bigint,
  last_at       timestamp(6) not null,
  primary key (tenant_id, ticket_id, metric, cycle)
);

create index tk_report_clock_by_last on tk_report_clock (last_at, tenant_id);
