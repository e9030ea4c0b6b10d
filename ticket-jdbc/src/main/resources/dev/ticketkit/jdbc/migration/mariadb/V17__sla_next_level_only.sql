-- Issue 17: only each clock's next ladder level is due work. A ticket change writes one row per
-- running clock (its first level not done) instead of one per level; the row lists the levels
-- after it in `later` (`level@epochMicros;...`, ladder order), and the transaction that records
-- a level done (a claim, or the ticket commit that carries the level out) makes the next one due
-- work. The pending levels written before this migration become that form: rows of work already
-- done are dropped, and each clock's levels fold into one row, its lowest level.

alter table tk_sla_work add column later varchar(2000) not null default '';

delete from tk_sla_work where exists (select 1 from tk_sla_done d
  where d.tenant_id = tk_sla_work.tenant_id and d.ticket_id = tk_sla_work.ticket_id
    and d.work_key = tk_sla_work.work_key);

update tk_sla_work w set later = coalesce((
    select group_concat(concat(o.level, '@', timestampdiff(microsecond, '1970-01-01 00:00:00',
                        o.due_at)) order by o.level separator ';')
    from tk_sla_work o
    where o.kind = 'LEVEL' and o.tenant_id = w.tenant_id and o.ticket_id = w.ticket_id
      and o.metric = w.metric and o.cycle = w.cycle and o.level > w.level), '')
where w.kind = 'LEVEL';

delete from tk_sla_work where kind = 'LEVEL' and exists (select 1 from tk_sla_work o
  where o.kind = 'LEVEL' and o.tenant_id = tk_sla_work.tenant_id
    and o.ticket_id = tk_sla_work.ticket_id and o.metric = tk_sla_work.metric
    and o.cycle = tk_sla_work.cycle and o.level < tk_sla_work.level);
