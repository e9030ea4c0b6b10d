-- TicketKit support process (issue 13) on PostgreSQL: the reason of a DISSATISFIED rating, the
-- problem record of a problem ticket (incidents link to it through tk_ticket_link, found by
-- tk_ticket_link_by_target), and a partial index that lists a tenant's problems.
alter table tk_ticket add column rating_reason varchar(40);
alter table tk_ticket add column problem jsonb;
create index tk_ticket_problems on tk_ticket (tenant_id, number) where problem is not null;
-- Handoffs to other departments: the list (JSON) and the earliest opening instant of the open ones,
-- which finds tickets with an open handoff.
alter table tk_ticket add column handoffs jsonb not null default '[]'::jsonb;
alter table tk_ticket add column handoff_open_since timestamp(6);
create index tk_ticket_open_handoffs on tk_ticket (tenant_id, handoff_open_since)
  where handoff_open_since is not null;
-- One requester, many handles: normalised handles (kind:value) to requester ids, per tenant.
create table tk_requester_handle (
  tenant_id     varchar(64) collate "C" not null,
  handle_key    varchar(300) collate "C" not null,
  requester_id  varchar(128) collate "C" not null,
  primary key (tenant_id, handle_key, requester_id)
);
-- The follow-up ledger: when the team last updated the requester (intake or a public reply by the
-- team; existing tickets start from their creation), and the indexes that serve an agent's and a
-- tier's open tickets in follow-up order, keyset-paged by (requester_updated_at, number).
alter table tk_ticket add column requester_updated_at timestamp(6);
update tk_ticket set requester_updated_at = created_at;
create index tk_ticket_follow_up on tk_ticket (tenant_id, assignee, requester_updated_at, number)
  where status_category in ('NEW', 'OPEN', 'PENDING');
create index tk_ticket_tier_follow_up on tk_ticket (tenant_id, tier, requester_updated_at, number)
  where status_category in ('NEW', 'OPEN', 'PENDING');
