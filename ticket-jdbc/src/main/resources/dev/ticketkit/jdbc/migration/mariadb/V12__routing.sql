-- Routing (issue 13): each agent's open load and each group's round-robin turn, per tenant (see
-- the PostgreSQL script). Primary-key access only.
create table tk_routing_load (
  tenant_id  varchar(64) not null,
  agent_id   varchar(128) not null,
  open_load  integer not null,
  primary key (tenant_id, agent_id)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;
create table tk_routing_turn (
  tenant_id   varchar(64) not null,
  group_name  varchar(64) not null,
  turn        bigint not null,
  last_agent  varchar(128) not null,
  primary key (tenant_id, group_name)
) engine = InnoDB default charset = utf8mb4 collate = utf8mb4_bin;
