-- TicketKit knowledge base on MariaDB 10.11+: the change sequence that other nodes' search
-- indexes follow. One row per saved article version, written in the save's transaction.

create table tk_kb_change (
  seq         bigint not null auto_increment primary key,
  tenant_id   varchar(64)   not null,
  article_id  char(36)      not null,
  version     bigint        not null
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;
