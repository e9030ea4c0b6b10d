-- TicketKit privacy on MariaDB 10.11+ (issue 14): the record of each requester erasure (who,
-- when, how many, the pseudonym), never the erased data.

create table tk_privacy_erasure (
  seq          bigint not null auto_increment primary key,
  tenant_id    varchar(64)   not null,
  pseudonym    varchar(64)   not null,
  erased_by    varchar(140)  not null,
  at           datetime(6)   not null,
  tickets      integer       not null,
  attachments  integer       not null,
  index tk_privacy_erasure_by_tenant (tenant_id, seq)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

-- Erasure and retention find a ticket's outbox rows (delivered ones too) by ticket.
create index tk_outbox_by_ticket on tk_outbox (tenant_id, ticket_id);
