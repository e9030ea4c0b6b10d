-- Routing (issue 13). tk_routing_load: each agent's open load in a tenant (the sum of the priority
-- weights of the open tickets assigned to them), changed in the transaction of every ticket change
-- that moves it; a routed assignment raises it with a conditional update that holds only within
-- the agent's capacity, so concurrent intakes queue on the agent's row and never pass it.
-- tk_routing_turn: each group's round-robin turn (a counter and the agent who had it), moved
-- compare-and-set by the routed assignment, shared by every node. Both are read and written by
-- primary key only, so they have no secondary index.
create table tk_routing_load (
  tenant_id  varchar(64) collate "C" not null,
  agent_id   varchar(128) collate "C" not null,
  open_load  integer not null,
  primary key (tenant_id, agent_id)
);
create table tk_routing_turn (
  tenant_id   varchar(64) collate "C" not null,
  group_name  varchar(64) collate "C" not null,
  turn        bigint not null,
  last_agent  varchar(128) collate "C" not null,
  primary key (tenant_id, group_name)
);
