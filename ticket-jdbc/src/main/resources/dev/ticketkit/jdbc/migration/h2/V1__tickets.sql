-- TicketKit tickets on H2 2.x: tickets with history, conversation, tags, links, per-tenant
-- numbers, and the transactional outbox. Instants are UTC in "timestamp" columns (microseconds).
-- H2 measures varchar lengths in UTF-16 units, so limits given in code points are doubled here.

create table tk_ticket (
  id                  uuid          not null primary key,
  tenant_id           varchar(128)   not null,
  number              bigint        not null,
  version             bigint        not null,
  requester_id        varchar(256)  not null,
  requester           varchar(1000000)         not null,
  channel             varchar(40)   not null,
  subject             varchar(400)  not null,
  description         varchar(1000000)          not null,
  scenario            varchar(1000000),
  error_message       varchar(1000000),
  reproduction_steps  varchar(1000000),
  attachments         varchar(1000000)         not null,
  account_reference   varchar(128),
  category            varchar(1200) ,
  priority            varchar(10)   not null,
  status              varchar(40)   not null,
  status_category     varchar(10)   not null,
  return_status       varchar(60),
  status_changed_at   timestamp(6)  not null,
  accepted_by         varchar(256),
  assignee            varchar(256) ,
  tier                smallint      not null,
  tags                varchar(1000000)         not null,
  custom_fields       varchar(1000000)         not null,
  links               varchar(1000000)         not null,
  rating_satisfaction varchar(20),
  rating_comment      varchar(1000000),
  resolution_summary  varchar(1000000),
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
  tag        varchar(80) not null,
  tenant_id  varchar(128) not null,
  primary key (ticket_id, tag)
);
create index tk_ticket_tag_by_tag on tk_ticket_tag (tenant_id, tag, ticket_id);

create table tk_ticket_link (
  ticket_id  uuid        not null,
  link_type  varchar(30) not null,
  target_id  uuid        not null,
  tenant_id  varchar(128) not null,
  primary key (ticket_id, link_type, target_id)
);
create index tk_ticket_link_by_target on tk_ticket_link (tenant_id, target_id);

create table tk_ticket_history (
  ticket_id       uuid          not null,
  ticket_version  bigint        not null,
  position        integer       not null,
  tenant_id       varchar(128)   not null,
  actor           varchar(280)  not null,
  at              timestamp(6)  not null,
  action          varchar(30)   not null,
  field           varchar(100)  not null,
  before_value    varchar(1000000),
  after_value     varchar(1000000),
  primary key (ticket_id, ticket_version, position)
);

create table tk_ticket_conversation (
  ticket_id       uuid          not null,
  ticket_version  bigint        not null,
  position        integer       not null,
  tenant_id       varchar(128)   not null,
  visibility      varchar(10)   not null,
  author          varchar(280)  not null,
  channel         varchar(40)   not null,
  at              timestamp(6)  not null,
  body            varchar(1000000)          not null,
  attachments     varchar(1000000)         not null,
  primary key (ticket_id, ticket_version, position)
);

create table tk_ticket_number (
  tenant_id    varchar(128) not null primary key,
  last_number  bigint      not null
);

-- Transactional outbox: events written in the same transaction as the change they describe,
-- delivered at least once by a relay, each with a unique idempotency key.
create table tk_outbox (
  id               bigint generated always as identity primary key,
  tenant_id        varchar(128)   not null,
  ticket_id        uuid          not null,
  ticket_version   bigint        not null,
  position         integer       not null,
  event_type       varchar(60)   not null,
  idempotency_key  varchar(120)  not null,
  payload          varchar(1000000)         not null,
  occurred_at      timestamp(6)  not null,
  delivered_at     timestamp(6),
  attempts         integer       not null default 0,
  last_error       varchar(1000),
  constraint tk_outbox_idempotency_key unique (idempotency_key)
);
create index tk_outbox_undelivered on tk_outbox (delivered_at, id);
