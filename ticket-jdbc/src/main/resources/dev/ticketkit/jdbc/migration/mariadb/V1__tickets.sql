-- TicketKit tickets on MariaDB 10.11+: tickets with history, conversation, tags, links, per-tenant
-- numbers, and the transactional outbox. Instants are UTC in "timestamp" columns (microseconds).
-- Tables use utf8mb4_bin so that comparison and ordering are binary; ids are char(36) text.

create table tk_ticket (
  id                  char(36)             not null primary key,
  tenant_id           varchar(64)   not null,
  number              bigint        not null,
  version             bigint        not null,
  requester_id        varchar(128)  not null,
  requester           json          not null,
  channel             varchar(40)   not null,
  subject             varchar(200)  not null,
  description         mediumtext          not null,
  scenario            mediumtext,
  error_message       mediumtext,
  reproduction_steps  mediumtext,
  attachments         json          not null,
  account_reference   varchar(64),
  category            varchar(600) ,
  priority            varchar(10)   not null,
  status              varchar(40)   not null,
  status_category     varchar(10)   not null,
  return_status       varchar(60),
  status_changed_at   datetime(6)   not null,
  accepted_by         varchar(128),
  assignee            varchar(128) ,
  tier                smallint      not null,
  tags                json          not null,
  custom_fields       json          not null,
  links               json          not null,
  rating_satisfaction varchar(20),
  rating_comment      mediumtext,
  resolution_summary  mediumtext,
  cycle               integer       not null,
  created_at          datetime(6)   not null,
  updated_at          datetime(6)   not null,
  constraint tk_ticket_number_unique unique (tenant_id, number)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;
create index tk_ticket_by_status on tk_ticket (tenant_id, status_category, number);
create index tk_ticket_by_assignee on tk_ticket (tenant_id, assignee, number);
create index tk_ticket_by_requester on tk_ticket (tenant_id, requester_id, number);
create index tk_ticket_by_created on tk_ticket (tenant_id, created_at, number);
create index tk_ticket_by_category on tk_ticket (tenant_id, category, number);

create table tk_ticket_tag (
  ticket_id  char(36)           not null,
  tag        varchar(40) not null,
  tenant_id  varchar(64) not null,
  primary key (ticket_id, tag)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;
create index tk_ticket_tag_by_tag on tk_ticket_tag (tenant_id, tag, ticket_id);

create table tk_ticket_link (
  ticket_id  char(36)           not null,
  link_type  varchar(30) not null,
  target_id  char(36)           not null,
  tenant_id  varchar(64) not null,
  primary key (ticket_id, link_type, target_id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;
create index tk_ticket_link_by_target on tk_ticket_link (tenant_id, target_id);

create table tk_ticket_history (
  ticket_id       char(36)             not null,
  ticket_version  bigint        not null,
  position        integer       not null,
  tenant_id       varchar(64)   not null,
  actor           varchar(140)  not null,
  at              datetime(6)   not null,
  action          varchar(30)   not null,
  field           varchar(100)  not null,
  before_value    mediumtext,
  after_value     mediumtext,
  primary key (ticket_id, ticket_version, position)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

create table tk_ticket_conversation (
  ticket_id       char(36)             not null,
  ticket_version  bigint        not null,
  position        integer       not null,
  tenant_id       varchar(64)   not null,
  visibility      varchar(10)   not null,
  author          varchar(140)  not null,
  channel         varchar(40)   not null,
  at              datetime(6)   not null,
  body            mediumtext          not null,
  attachments     json          not null,
  primary key (ticket_id, ticket_version, position)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

create table tk_ticket_number (
  tenant_id    varchar(64) not null primary key,
  last_number  bigint      not null
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;

-- Transactional outbox: events written in the same transaction as the change they describe,
-- delivered at least once by a relay, each with a unique idempotency key.
create table tk_outbox (
  id               bigint not null auto_increment primary key,
  tenant_id        varchar(64)   not null,
  ticket_id        char(36)             not null,
  ticket_version   bigint        not null,
  position         integer       not null,
  event_type       varchar(60)   not null,
  idempotency_key  varchar(120)  not null,
  payload          json          not null,
  occurred_at      datetime(6)   not null,
  delivered_at     datetime(6) ,
  attempts         integer       not null default 0,
  last_error       varchar(1000),
  constraint tk_outbox_idempotency_key unique (idempotency_key)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;
create index tk_outbox_undelivered on tk_outbox (delivered_at, id);
