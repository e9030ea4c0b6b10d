-- Tickets are keyed by (tenant, id) everywhere: a tenant may use a ticket id that another tenant
-- uses (host-supplied ids), another tenant's existence stays invisible, and every key lookup
-- (`where tenant_id = ? and id = ?`) can only be planned on the primary key, whatever the
-- statistics say. The ticket row also keeps the id of the commit that wrote it last, so a commit
-- whose COMMIT failed in flight can be read back and resolved. Outbox idempotency keys name the
-- tenant.

alter table tk_ticket drop constraint tk_ticket_pkey;
alter table tk_ticket add primary key (tenant_id, id);
alter table tk_ticket add column last_commit uuid;

alter table tk_ticket_tag drop constraint tk_ticket_tag_pkey;
alter table tk_ticket_tag add primary key (tenant_id, ticket_id, tag);

alter table tk_ticket_link drop constraint tk_ticket_link_pkey;
alter table tk_ticket_link add primary key (tenant_id, ticket_id, link_type, target_id);

alter table tk_ticket_history drop constraint tk_ticket_history_pkey;
alter table tk_ticket_history add primary key (tenant_id, ticket_id, ticket_version, position);

alter table tk_ticket_conversation drop constraint tk_ticket_conversation_pkey;
alter table tk_ticket_conversation
  add primary key (tenant_id, ticket_id, ticket_version, position);

alter table tk_outbox alter column idempotency_key type varchar(160);
update tk_outbox set idempotency_key = tenant_id || '/' || idempotency_key
  where idempotency_key not like '%/%';
