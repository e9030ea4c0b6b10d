-- Transactional outbox: events written in the same transaction as the change they describe,
-- delivered at least once by a relay, each with a unique idempotency key.
create table tk_outbox (
  id              bigint       not null auto_increment primary key,
  tenant_id       varchar(64)  not null,
  aggregate_id    varchar(64)  not null,
  event_type      varchar(100) not null,
  idempotency_key varchar(120) not null,
  payload         longtext     not null check (json_valid(payload)),
  created_at      datetime(6)  not null,
  delivered_at    datetime(6)  null,
  attempts        integer      not null default 0,
  constraint tk_outbox_idempotency_key unique (idempotency_key),
  index tk_outbox_undelivered (delivered_at, id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;
