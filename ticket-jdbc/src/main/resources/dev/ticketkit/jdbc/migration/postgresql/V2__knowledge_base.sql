-- TicketKit knowledge base on PostgreSQL 15+: articles (with their view count), published
-- revisions, reader votes, and links from articles to the tickets they solved.

create table tk_kb_article (
  id           uuid          not null primary key,
  tenant_id    varchar(64)   collate "C" not null,
  version      bigint        not null,
  title        varchar(200)  not null,
  body         text          not null,
  tags         jsonb         not null,
  category     varchar(1000) not null,
  article_type varchar(20)   not null,
  details      jsonb         not null,
  locale       varchar(40)   not null,
  audience     varchar(20)   not null,
  owner        varchar(200)  not null,
  status       varchar(20)   not null,
  review_by    timestamp(6),
  revision     integer       not null,
  created_at   timestamp(6)  not null,
  updated_at   timestamp(6)  not null,
  views        bigint        not null default 0,
  constraint tk_kb_article_by_tenant unique (tenant_id, id)
);
create index tk_kb_article_by_review on tk_kb_article (tenant_id, review_by);

create table tk_kb_revision (
  article_id   uuid          not null,
  number       integer       not null,
  tenant_id    varchar(64)   collate "C" not null,
  title        varchar(200)  not null,
  body         text          not null,
  tags         jsonb         not null,
  category     varchar(1000) not null,
  details      jsonb         not null,
  author       varchar(200)  not null,
  at           timestamp(6)  not null,
  change_note  varchar(2000) not null,
  primary key (article_id, number)
);

create table tk_kb_vote (
  article_id  uuid          not null,
  voter       varchar(255)  not null,
  tenant_id   varchar(64)   collate "C" not null,
  helpful     boolean       not null,
  primary key (article_id, voter)
);

create table tk_kb_link (
  id          bigint generated always as identity primary key,
  article_id  uuid          not null,
  ticket_id   uuid          not null,
  tenant_id   varchar(64)   collate "C" not null,
  linked_by   varchar(255)  not null,
  linked_at   timestamp(6)  not null,
  reopened    boolean       not null,
  constraint tk_kb_link_pair unique (article_id, ticket_id)
);
create index tk_kb_link_by_ticket on tk_kb_link (tenant_id, ticket_id);
