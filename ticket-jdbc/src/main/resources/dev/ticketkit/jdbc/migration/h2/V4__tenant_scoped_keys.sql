-- Tickets are keyed by (tenant, id) everywhere: a tenant may use a ticket id that another tenant
-- uses (host-supplied ids), another tenant's existence stays invisible, and every key lookup can
-- only be planned on the primary key. The ticket row also keeps the id of the commit that wrote
-- it last, so a commit whose COMMIT failed in flight can be resolved. Outbox idempotency keys
-- name the tenant.

alter table tk_ticket drop primary key;
alter table tk_ticket add primary key (tenant_id, id);
alter table tk_ticket add column last_commit uuid;

alter table tk_ticket_tag drop primary key;
alter table tk_ticket_tag add primary key (tenant_id, ticket_id, tag);

alter table tk_ticket_link drop primary key;
alter table tk_ticket_link add primary key (tenant_id, ticket_id, link_type, target_id);

alter table tk_ticket_history drop primary key;
alter table tk_ticket_history add primary key (tenant_id, ticket_id, ticket_version, position);

alter table tk_ticket_conversation drop primary key;
alter table tk_ticket_conversation
  add primary key (tenant_id, ticket_id, ticket_version, position);

alter table tk_outbox alter column idempotency_key varchar(160) not null;
update tk_outbox set idempotency_key = tenant_id || '/' || idempotency_key
  where idempotency_key not like '%/%';
