-- Row-level security on the ticket tables (issue 11), optional and off until a host turns it on
-- with TicketKitSchema.enableRowLevelSecurity(dataSource) and builds its kit with
-- JdbcTicketKit.builder().rowLevelSecurity(true): the stores then set ticketkit.tenant in every
-- transaction, and a row is visible and writable only when its tenant is that setting. Without
-- the setting nothing is visible. Policies do nothing until row-level security is enabled.

create policy tk_tenant_rows on tk_ticket
  using (tenant_id = current_setting('ticketkit.tenant', true) collate "C")
  with check (tenant_id = current_setting('ticketkit.tenant', true) collate "C");
create policy tk_tenant_rows on tk_ticket_tag
  using (tenant_id = current_setting('ticketkit.tenant', true) collate "C")
  with check (tenant_id = current_setting('ticketkit.tenant', true) collate "C");
create policy tk_tenant_rows on tk_ticket_link
  using (tenant_id = current_setting('ticketkit.tenant', true) collate "C")
  with check (tenant_id = current_setting('ticketkit.tenant', true) collate "C");
create policy tk_tenant_rows on tk_ticket_history
  using (tenant_id = current_setting('ticketkit.tenant', true) collate "C")
  with check (tenant_id = current_setting('ticketkit.tenant', true) collate "C");
create policy tk_tenant_rows on tk_ticket_conversation
  using (tenant_id = current_setting('ticketkit.tenant', true) collate "C")
  with check (tenant_id = current_setting('ticketkit.tenant', true) collate "C");
create policy tk_tenant_rows on tk_ticket_number
  using (tenant_id = current_setting('ticketkit.tenant', true) collate "C")
  with check (tenant_id = current_setting('ticketkit.tenant', true) collate "C");
