-- TicketKit SLA on MariaDB 10.11+: clocks, the time-ordered escalation index, fired records.
-- A clock's schedule is versioned by a random generation: a write inserts the new schedule under
-- a new generation and never touches index rows that a claim may hold; claims ignore and delete
-- rows of older generations. Fired records are unique per (clock, level).

create table tk_sla_clock (
  tenant_id      varchar(64)   not null,
  ticket_id      char(36)          not null,
  metric         varchar(20)   not null,
  cycle          integer       not null,
  ticket_cycle   integer       not null,
  policy_id      varchar(200)  not null,
  priority       varchar(10)   not null,
  calendar_id    varchar(200)  not null,
  target_nanos   bigint        not null,
  reason         mediumtext          not null,
  started_at     datetime(6)  not null,
  state          varchar(12)   not null,
  pauses         json         not null,
  elapsed_nanos  bigint        not null,
  as_of          datetime(6)  not null,
  due_at         datetime(6),
  stopped_at     datetime(6),
  generation     bigint        not null,
  primary key (tenant_id, ticket_id, metric, cycle)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

create table tk_sla_due (
  tenant_id   varchar(64)  not null,
  ticket_id   char(36)         not null,
  metric      varchar(20)  not null,
  cycle       integer      not null,
  generation  bigint       not null,
  level       integer      not null,
  due_at      datetime(6) not null,
  primary key (tenant_id, ticket_id, metric, cycle, generation, level)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;
create index tk_sla_due_by_time on tk_sla_due (due_at, tenant_id, ticket_id, metric, cycle, level);

create table tk_sla_fired (
  tenant_id   varchar(64)  not null,
  ticket_id   char(36)         not null,
  metric      varchar(20)  not null,
  cycle       integer      not null,
  level       integer      not null,
  due_at      datetime(6) not null,
  fired_at    datetime(6) not null,
  primary key (tenant_id, ticket_id, metric, cycle, level)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;
