-- TicketKit report facts on MariaDB 10.6+ (issue 12).
-- One row per ticket and resolution cycle (dev.ticketkit.report.source.CycleFact), written in the
-- ticket's own transaction by the SQL report source's follower, or by its rebuild for tickets
-- from before V7. Durations are kept in milliseconds beside the instants they come from, so the
-- report's sums and percentiles read plain columns. SLA clock and escalation facts are not
-- copied: the report reads tk_sla_clock and tk_sla_done. Tags are read from tk_ticket_tag.
-- The indexes serve the report's period conditions, each led by its instant, then the tenant:
-- no secondary index may lead with tenant_id, or a key lookup of the commit path could be planned
-- on it while the table is small and keep that plan (see V11).

create table tk_report_cycle (
  tenant_id               varchar(64) not null,
  ticket_id               char(36)      not null,
  cycle                   integer       not null,
  ticket_number           bigint        not null,
  subject                 varchar(200)  not null,
  channel                 varchar(40)   not null,
  category                varchar(600),
  priority                varchar(10)   not null,
  agent                   varchar(128),
  ticket_created_at       datetime(6)  not null,
  started_at              datetime(6)  not null,
  accepted_at             datetime(6),
  first_reply_at          datetime(6),
  resolved_at             datetime(6),
  work_ended_at           datetime(6),
  closed_at               datetime(6),
  close_kind              varchar(10),
  reopened_at             datetime(6),
  escalated_at            datetime(6),
  tier_escalations        integer       not null,
  agent_replies           integer       not null,
  requester_follow_ups    integer       not null,
  handoffs                integer       not null,
  rating                  varchar(20),
  rating_comment          mediumtext,
  rated_at                datetime(6),
  dissatisfaction_reason  varchar(200),
  first_contact           boolean       not null,
  resolution_ms           bigint,
  first_reply_ms          bigint,
  acceptance_ms           bigint,
  primary key (tenant_id, ticket_id, cycle)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

create index tk_report_cycle_by_created on tk_report_cycle (ticket_created_at, tenant_id);
create index tk_report_cycle_by_started on tk_report_cycle (started_at, tenant_id);
create index tk_report_cycle_by_resolved on tk_report_cycle (resolved_at, tenant_id);
create index tk_report_cycle_by_closed on tk_report_cycle (closed_at, tenant_id);
create index tk_report_cycle_by_rated on tk_report_cycle (rated_at, tenant_id);
create index tk_report_cycle_by_work_ended on tk_report_cycle (work_ended_at, tenant_id);

-- Complaint-spike episodes claimed by a node (dev.ticketkit.report.spike.EpisodeClaims): the
-- primary key lets exactly one of the nodes sharing the database raise an episode's event.
create table tk_report_episode (
  tenant_id    varchar(64) not null,
  series       varchar(400) not null,
  started_at   datetime(6)  not null,
  primary key (tenant_id, series, started_at)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

-- The report's period conditions on SLA clocks: started in, and breached (due) in a period.
create index tk_sla_clock_by_started on tk_sla_clock (started_at, tenant_id);
create index tk_sla_clock_by_due on tk_sla_clock (due_at, tenant_id);
