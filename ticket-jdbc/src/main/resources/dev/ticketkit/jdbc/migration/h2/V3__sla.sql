-- TicketKit SLA on H2 2.x: clocks, the time-ordered escalation index, fired records.
-- A clock's schedule is versioned by a random generation: a write inserts the new schedule under
-- a new generation and never touches index rows that a claim may hold; claims ignore and delete
-- rows of older generations. Fired records are unique per (clock, level).

create table tk_sla_clock (
  tenant_id      varchar(128)   not null,
  ticket_id      uuid          not null,
  metric         varchar(20)   not null,
  cycle          integer       not null,
  ticket_cycle   integer       not null,
  policy_id      varchar(200)  not null,
  priority       varchar(10)   not null,
  calendar_id    varchar(200)  not null,
  target_nanos   bigint        not null,
  reason         varchar(1000000)          not null,
  started_at     timestamp(6)  not null,
  state          varchar(12)   not null,
  pauses         varchar(1000000)         not null,
  elapsed_nanos  bigint        not null,
  as_of          timestamp(6)  not null,
  due_at         timestamp(6),
  stopped_at     timestamp(6),
  generation     bigint        not null,
  primary key (tenant_id, ticket_id, metric, cycle)
);

create table tk_sla_due (
  tenant_id   varchar(128)  not null,
  ticket_id   uuid         not null,
  metric      varchar(20)  not null,
  cycle       integer      not null,
  generation  bigint       not null,
  level       integer      not null,
  due_at      timestamp(6) not null,
  primary key (tenant_id, ticket_id, metric, cycle, generation, level)
);
create index tk_sla_due_by_time on tk_sla_due (due_at, tenant_id, ticket_id, metric, cycle, level);

create table tk_sla_fired (
  tenant_id   varchar(128)  not null,
  ticket_id   uuid         not null,
  metric      varchar(20)  not null,
  cycle       integer      not null,
  level       integer      not null,
  due_at      timestamp(6) not null,
  fired_at    timestamp(6) not null,
  primary key (tenant_id, ticket_id, metric, cycle, level)
);
