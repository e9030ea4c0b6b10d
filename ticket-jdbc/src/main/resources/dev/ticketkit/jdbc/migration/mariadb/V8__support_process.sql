-- TicketKit support process (issue 13) on MariaDB: the reason of a DISSATISFIED rating and the
-- problem record of a problem ticket (incidents link to it through tk_ticket_link, found by
-- tk_ticket_link_by_target).
alter table tk_ticket add column rating_reason varchar(40);
alter table tk_ticket add column problem json;
-- Handoffs to other departments: the list (JSON) and the earliest opening instant of the open ones.
alter table tk_ticket add column handoffs json not null default '[]';
alter table tk_ticket add column handoff_open_since datetime(6);
create index tk_ticket_open_handoffs on tk_ticket (tenant_id, handoff_open_since);
-- One requester, many handles: normalised handles (kind:value) to requester ids, per tenant.
create table tk_requester_handle (
  tenant_id     varchar(64) not null,
  handle_key    varchar(300) not null,
  requester_id  varchar(128) not null,
  primary key (tenant_id, handle_key, requester_id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;
-- The follow-up ledger: when the team last updated the requester, and the indexes that serve an
-- agent's and a tier's tickets in follow-up order.
alter table tk_ticket add column requester_updated_at datetime(6);
update tk_ticket set requester_updated_at = created_at;
create index tk_ticket_follow_up on tk_ticket (tenant_id, assignee, requester_updated_at, number);
create index tk_ticket_tier_follow_up on tk_ticket (tenant_id, tier, requester_updated_at, number);
