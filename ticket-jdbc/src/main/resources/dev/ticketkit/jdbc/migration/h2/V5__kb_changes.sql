-- TicketKit knowledge base on H2 2.x: the change sequence that other nodes' search indexes
-- follow. One row per saved article version, written in the save's transaction.

create table tk_kb_change (
  seq         bigint generated always as identity primary key,
  tenant_id   varchar(128)  not null,
  article_id  uuid          not null,
  version     bigint        not null
);
