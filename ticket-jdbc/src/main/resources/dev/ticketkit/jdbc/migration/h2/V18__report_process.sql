-- TicketKit report (issue 12): the support-process facts of the report
-- (dev.ticketkit.report.internal.ProcessFact): department hand-offs, follow-up gaps, problems,
-- incidents linked to problems and rating requests, each an interval [opened_at, closed_at) of one
-- kind. The SQL report source's follower writes a change's effect in the ticket's own
-- transaction without reading anything (ProcessDerivation: it closes the open row of a kind and
-- inserts or replaces rows by key); JdbcReportSource.rebuild(tenant) derives them from the whole
-- history for tickets stored before this migration. Instants are kept also as epoch
-- milliseconds (opened_ms, closed_ms) so that the report's follow-up arithmetic is integer
-- arithmetic in every dialect. The indexes serve the report's period conditions, led by the
-- instant, then the tenant (no secondary index leads with tenant_id, see V11).

create table tk_report_process (
  tenant_id      varchar(128) not null,
  ticket_id      uuid not null,
  kind           varchar(20)  not null,
  seq            bigint       not null,
  ticket_number  bigint       not null,
  item_key       varchar(256),
  subject        varchar(400),
  opened_at      timestamp(6) not null,
  opened_ms      bigint       not null,
  closed_at      timestamp(6),
  closed_ms      bigint,
  state          varchar(20),
  primary key (tenant_id, ticket_id, kind, seq)
);

create index tk_report_process_by_opened on tk_report_process (opened_at, tenant_id);
create index tk_report_process_by_closed on tk_report_process (closed_at, tenant_id);
