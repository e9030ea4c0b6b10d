package dev.ticketkit.core.routing;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.store.TransactionContext;
import java.util.Collection;
import java.util.Map;

/**
 * Keeps, per tenant, every agent's open load and every group's round-robin {@link Turn}: the
 * state routing shares between the nodes of a host. The service changes it inside ticket commits
 * only, through the commit's {@link TransactionContext}, so that a load moves exactly when the
 * ticket that causes it is stored; reads outside a commit are snapshots for a router to choose
 * from.
 *
 * <p>Contract, which {@code RoutingContract} (in ticket-testkit) checks for every store:
 * {@link #reserve} is atomic against concurrent commits (a database store: a conditional
 * {@code UPDATE} on the agent's row, so concurrent reservations queue on the row lock and each
 * sees the others' committed load); {@link #advance} is a compare-and-set; writes of a commit
 * that is abandoned are undone; a tenant never sees another's loads or turns. Implementations
 * must be thread-safe.
 */
public interface RosterStore {

  /**
   * Returns the open loads of agents, as committed.
   *
   * @param tenant the tenant
   * @param agents the agents
   * @return the load of each agent, 0 for an agent without a stored load
   */
  Map<AgentId, Integer> loads(TenantId tenant, Collection<AgentId> agents);

  /**
   * Returns a group's round-robin turn, as committed.
   *
   * @param tenant the tenant
   * @param group the group
   * @return the turn, {@link Turn#FIRST} for a group without one
   */
  Turn turn(TenantId tenant, String group);

  /**
   * Adds a ticket's weight to an agent's load inside a commit, if it stays within the capacity.
   *
   * @param transaction the commit's transaction
   * @param tenant the tenant
   * @param agent the agent
   * @param weight the weight to add, at least 1
   * @param capacity the agent's capacity
   * @return true if the load was raised; false (nothing written) if it would pass the capacity
   */
  boolean reserve(TransactionContext transaction, TenantId tenant, AgentId agent, int weight,
      int capacity);

  /**
   * Changes an agent's load inside a commit, without a capacity check: a ticket assigned by hand,
   * released, resolved, reopened or re-prioritised.
   *
   * @param transaction the commit's transaction
   * @param tenant the tenant
   * @param agent the agent
   * @param delta the change of load, not 0
   */
  void adjust(TransactionContext transaction, TenantId tenant, AgentId agent, int delta);

  /**
   * Moves a group's round-robin turn inside a commit, if nobody moved it since it was read.
   *
   * @param transaction the commit's transaction
   * @param tenant the tenant
   * @param group the group
   * @param seen the turn the router chose from
   * @param next the turn to store, {@code seen.next(agent)}
   * @return true if stored; false (nothing written) if the stored turn is no longer {@code seen}
   */
  boolean advance(TransactionContext transaction, TenantId tenant, String group, Turn seen,
      Turn next);
}
