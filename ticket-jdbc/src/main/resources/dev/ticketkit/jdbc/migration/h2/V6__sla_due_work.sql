-- Due work is its own record: ladder levels and triggered event rules share one time-ordered
-- table (tk_sla_work), and the record that a piece was done is unique per ticket and work key
-- (tk_sla_done). Event-rule records stored until V5 as CANCELLED ACCEPTANCE clocks with
-- cycle > 1 (their level encoding 1 + 16 * trigger + rule index) move there and are deleted.
-- A clock row keeps the ticket version of the change that wrote it last and whether it is the
-- latest clock of its metric, so a ticket change reads its few current clocks by index.

create table tk_sla_work (
  tenant_id       varchar(128)  not null,
  ticket_id       uuid          not null,
  work_key        varchar(80)   not null,
  kind            varchar(5)    not null,
  metric          varchar(20),
  cycle           integer,
  level           integer,
  ticket_version  bigint,
  trigger_name    varchar(30),
  rule_index      integer,
  policy_id       varchar(200),
  base_tier       smallint,
  due_at          timestamp(6)  not null,
  primary key (tenant_id, ticket_id, work_key)
);
create index tk_sla_work_by_time on tk_sla_work (due_at, tenant_id, ticket_id, work_key);

create table tk_sla_done (
  tenant_id       varchar(128)  not null,
  ticket_id       uuid          not null,
  work_key        varchar(80)   not null,
  kind            varchar(5)    not null,
  metric          varchar(20),
  cycle           integer,
  level           integer,
  ticket_version  bigint,
  trigger_name    varchar(30),
  rule_index      integer,
  policy_id       varchar(200),
  base_tier       smallint,
  due_at          timestamp(6)  not null,
  done_at         timestamp(6)  not null,
  primary key (tenant_id, ticket_id, work_key)
);
create index tk_sla_done_by_time on tk_sla_done (tenant_id, done_at);

alter table tk_sla_clock add column ticket_version bigint not null default 0;
alter table tk_sla_clock add column latest boolean not null default true;

-- Ladder levels still scheduled (current generation, not fired) of real clocks.
insert into tk_sla_work (tenant_id, ticket_id, work_key, kind, metric, cycle, level, due_at)
select d.tenant_id, d.ticket_id, 'L:' || d.metric || ':' || d.cycle || ':' || d.level, 'LEVEL',
       d.metric, d.cycle, d.level, d.due_at
from tk_sla_due d
join tk_sla_clock c on c.tenant_id = d.tenant_id and c.ticket_id = d.ticket_id
  and c.metric = d.metric and c.cycle = d.cycle and c.generation = d.generation
where not (d.metric = 'ACCEPTANCE' and d.cycle > 1)
  and not exists (select 1 from tk_sla_fired f where f.tenant_id = d.tenant_id
    and f.ticket_id = d.ticket_id and f.metric = d.metric and f.cycle = d.cycle
    and f.level = d.level);

-- Event rules still due, from the old records; the base tier is the ticket's tier before the
-- triggering change, as its history says (or its tier now).
insert into tk_sla_work (tenant_id, ticket_id, work_key, kind, ticket_version, trigger_name,
                         rule_index, policy_id, base_tier, due_at)
select d.tenant_id, d.ticket_id,
       'R:' || (d.cycle - 1) || ':' || r.trigger_name || ':' || ((d.level - 1) % 16), 'RULE',
       d.cycle - 1, r.trigger_name, (d.level - 1) % 16, c.policy_id,
       coalesce(
         (select cast(substring(h.before_value, 2) as smallint) from tk_ticket_history h
          where h.tenant_id = d.tenant_id and h.ticket_id = d.ticket_id
            and h.ticket_version = d.cycle - 1 and h.field = 'tier' and h.before_value is not null
          order by h.position limit 1),
         (select t.tier from tk_ticket t where t.tenant_id = d.tenant_id and t.id = d.ticket_id),
         1),
       d.due_at
from tk_sla_due d
join tk_sla_clock c on c.tenant_id = d.tenant_id and c.ticket_id = d.ticket_id
  and c.metric = d.metric and c.cycle = d.cycle and c.generation = d.generation
join (values (0, 'URGENT_FLAGGED'), (1, 'RATED_DISSATISFIED'), (2, 'REOPENED'),
             (3, 'ESCALATED')) as r(ordinal, trigger_name) on r.ordinal = (d.level - 1) / 16
where d.metric = 'ACCEPTANCE' and d.cycle > 1
  and not exists (select 1 from tk_sla_fired f where f.tenant_id = d.tenant_id
    and f.ticket_id = d.ticket_id and f.metric = d.metric and f.cycle = d.cycle
    and f.level = d.level);

insert into tk_sla_done (tenant_id, ticket_id, work_key, kind, metric, cycle, level, due_at,
                         done_at)
select f.tenant_id, f.ticket_id, 'L:' || f.metric || ':' || f.cycle || ':' || f.level, 'LEVEL',
       f.metric, f.cycle, f.level, f.due_at, f.fired_at
from tk_sla_fired f
where not (f.metric = 'ACCEPTANCE' and f.cycle > 1);

insert into tk_sla_done (tenant_id, ticket_id, work_key, kind, ticket_version, trigger_name,
                         rule_index, policy_id, due_at, done_at)
select f.tenant_id, f.ticket_id,
       'R:' || (f.cycle - 1) || ':' || r.trigger_name || ':' || ((f.level - 1) % 16), 'RULE',
       f.cycle - 1, r.trigger_name, (f.level - 1) % 16,
       (select c.policy_id from tk_sla_clock c where c.tenant_id = f.tenant_id
          and c.ticket_id = f.ticket_id and c.metric = f.metric and c.cycle = f.cycle),
       f.due_at, f.fired_at
from tk_sla_fired f
join (values (0, 'URGENT_FLAGGED'), (1, 'RATED_DISSATISFIED'), (2, 'REOPENED'),
             (3, 'ESCALATED')) as r(ordinal, trigger_name) on r.ordinal = (f.level - 1) / 16
where f.metric = 'ACCEPTANCE' and f.cycle > 1;

delete from tk_sla_clock where metric = 'ACCEPTANCE' and cycle > 1;

update tk_sla_clock c set latest = (c.cycle = (select max(m.cycle) from tk_sla_clock m
  where m.tenant_id = c.tenant_id and m.ticket_id = c.ticket_id and m.metric = c.metric));

drop table tk_sla_due;
drop table tk_sla_fired;
alter table tk_sla_clock drop column generation;

create index tk_sla_clock_current on tk_sla_clock (tenant_id, ticket_id, latest);
create index tk_sla_clock_by_period on tk_sla_clock (tenant_id, stopped_at, started_at);
