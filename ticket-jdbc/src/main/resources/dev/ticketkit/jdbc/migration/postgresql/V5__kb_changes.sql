-- TicketKit knowledge base on PostgreSQL 15+: the change sequence that other nodes' search
-- indexes follow. One row per saved article version, written in the save's transaction.

create table tk_kb_change (
  seq         bigint generated always as identity primary key,
  tenant_id   varchar(64)   collate "C" not null,
  article_id  uuid          not null,
  version     bigint        not null
);
