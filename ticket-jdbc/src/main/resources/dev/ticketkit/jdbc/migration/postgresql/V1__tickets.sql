-- TicketKit tickets on PostgreSQL 15+: tickets with history, conversation, tags, links, per-tenant
-- numbers, and the transactional outbox. Instants are UTC in "timestamp" columns (microseconds).
-- Identifier-like text uses the "C" collation so that ranges and ordering are byte order.

create table tk_ticket (
  id                  uuid          not null primary key,
  tenant_id           varchar(64)   collate "C" not null,
  number              bigint        not null,
  version             bigint        not null,
  requester_id        varchar(128)  collate "C" not null,
  requester           jsonb         not null,
  channel             varchar(40)   not null,
  subject             varchar(200)  not null,
  description         text          not null,
  scenario            text,
  error_message       text,
  reproduction_steps  text,
  attachments         jsonb         not null,
  account_reference   varchar(64),
  category            varchar(600)  collate "C",
  priority            varchar(10)   not null,
  status              varchar(40)   not null,
  status_category     varchar(10)   not null,
  return_status       varchar(60),
  status_changed_at   timestamp(6)  not null,
  accepted_by         varchar(128),
  assignee            varchar(128)  collate "C",
  tier                smallint      not null,
  tags                jsonb         not null,
  custom_fields       jsonb         not null,
  links               jsonb         not null,
  rating_satisfaction varchar(20),
  rating_comment      text,
  resolution_summary  text,
  cycle               integer       not null,
  created_at          timestamp(6)  not null,
  updated_at          timestamp(6)  not null,
  constraint tk_ticket_number_unique unique (tenant_id, number)
);
create index tk_ticket_by_status on tk_ticket (tenant_id, status_category, number);
create index tk_ticket_by_assignee on tk_ticket (tenant_id, assignee, number);
create index tk_ticket_by_requester on tk_ticket (tenant_id, requester_id, number);
create index tk_ticket_by_created on tk_ticket (tenant_id, created_at, number);
create index tk_ticket_by_category on tk_ticket (tenant_id, category, number);

create table tk_ticket_tag (
  ticket_id  uuid        not null,
  tag        varchar(40) collate "C" not null,
  tenant_id  varchar(64) collate "C" not null,
  primary key (ticket_id, tag)
);
create index tk_ticket_tag_by_tag on tk_ticket_tag (tenant_id, tag, ticket_id);

create table tk_ticket_link (
  ticket_id  uuid        not null,
  link_type  varchar(30) not null,
  target_id  uuid        not null,
  tenant_id  varchar(64) collate "C" not null,
  primary key (ticket_id, link_type, target_id)
);
create index tk_ticket_link_by_target on tk_ticket_link (tenant_id, target_id);

create table tk_ticket_history (
  ticket_id       uuid          not null,
  ticket_version  bigint        not null,
  position        integer       not null,
  tenant_id       varchar(64)   collate "C" not null,
  actor           varchar(140)  not null,
  at              timestamp(6)  not null,
  action          varchar(30)   not null,
  field           varchar(100)  not null,
  before_value    text,
  after_value     text,
  primary key (ticket_id, ticket_version, position)
);

create table tk_ticket_conversation (
  ticket_id       uuid          not null,
  ticket_version  bigint        not null,
  position        integer       not null,
  tenant_id       varchar(64)   collate "C" not null,
  visibility      varchar(10)   not null,
  author          varchar(140)  not null,
  channel         varchar(40)   not null,
  at              timestamp(6)  not null,
  body            text          not null,
  attachments     jsonb         not null,
  primary key (ticket_id, ticket_version, position)
);

create table tk_ticket_number (
  tenant_id    varchar(64) collate "C" not null primary key,
  last_number  bigint      not null
);

-- Transactional outbox: events written in the same transaction as the change they describe,
-- delivered at least once by a relay, each with a unique idempotency key.
create table tk_outbox (
  id               bigint generated always as identity primary key,
  tenant_id        varchar(64)   not null,
  ticket_id        uuid          not null,
  ticket_version   bigint        not null,
  position         integer       not null,
  event_type       varchar(60)   not null,
  idempotency_key  varchar(120)  not null,
  payload          jsonb         not null,
  occurred_at      timestamp(6)  not null,
  delivered_at     timestamp(6),
  attempts         integer       not null default 0,
  last_error       varchar(1000),
  constraint tk_outbox_idempotency_key unique (idempotency_key)
);
create index tk_outbox_undelivered on tk_outbox (id) where delivered_at is null;
