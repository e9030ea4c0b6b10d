-- Transactional outbox: events written in the same transaction as the change they describe,
-- delivered at least once by a relay, each with a unique idempotency key.
create table tk_outbox (
  id              bigint generated always as identity primary key,
  tenant_id       varchar(64)  not null,
  aggregate_id    varchar(64)  not null,
  event_type      varchar(100) not null,
  idempotency_key varchar(120) not null,
  payload         clob         not null,
  created_at      timestamp with time zone not null,
  delivered_at    timestamp with time zone,
  attempts        integer      default 0 not null,
  constraint tk_outbox_idempotency_key unique (idempotency_key)
);
create index tk_outbox_undelivered on tk_outbox (delivered_at, id);
