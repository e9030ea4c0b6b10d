-- TicketKit privacy on H2 2.x (issue 14): the record of each requester erasure (who, when,
-- how many, the pseudonym), never the erased data.

create table tk_privacy_erasure (
  seq          bigint generated always as identity primary key,
  tenant_id    varchar(128)  not null,
  pseudonym    varchar(64)   not null,
  erased_by    varchar(140)  not null,
  at           timestamp(6)  not null,
  tickets      integer       not null,
  attachments  integer       not null
);
create index tk_privacy_erasure_by_tenant on tk_privacy_erasure (tenant_id, seq);

-- Erasure and retention find a ticket's outbox rows (delivered ones too) by ticket.
create index tk_outbox_by_ticket on tk_outbox (tenant_id, ticket_id);
