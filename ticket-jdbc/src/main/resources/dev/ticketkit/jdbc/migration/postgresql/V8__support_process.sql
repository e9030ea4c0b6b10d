-- TicketKit support process (issue 13) on PostgreSQL: the reason of a DISSATISFIED rating, the
-- problem record of a problem ticket (incidents link to it through tk_ticket_link, found by
-- tk_ticket_link_by_target), and a partial index that lists a tenant's problems.
alter table tk_ticket add column rating_reason varchar(40);
alter table tk_ticket add column problem jsonb;
create index tk_ticket_problems on tk_ticket (tenant_id, number) where problem is not null;
