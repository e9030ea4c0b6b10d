package dev.ticketkit.core;

import dev.ticketkit.core.routing.AgentProfile;
import dev.ticketkit.core.routing.Candidate;
import dev.ticketkit.core.routing.Router;
import dev.ticketkit.core.routing.Routing;
import dev.ticketkit.core.routing.RoutingRequest;
import dev.ticketkit.core.routing.Turn;
import dev.ticketkit.core.store.TransactionContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The service's side of routing (see {@link Routing}).
 *
 * <p>Implementation notes: a router chooses from a snapshot of the loads and of the group's
 * round-robin turn, read before the commit; the commit then raises the chosen agent's load with
 * a conditional write that holds only while the load stays within the capacity, and moves the turn
 * compare-and-set, both in the ticket's own transaction. If a concurrent commit took the room or
 * the turn, the commit is abandoned ({@link Taken}) and the service routes again from a fresh
 * snapshot: capacity is never passed and no turn is lost, on one node or many. Every other change
 * keeps the loads exact in the same transaction: a ticket weighs its priority's weight on its
 * assignee while its state is NEW, OPEN or PENDING, and every change of that weight or assignee
 * moves the loads by the difference. Thread-safe.
 */
final class Routes {

  /** A choice, made from a snapshot, that the commit must confirm. */
  record Plan(AgentId agent, int weight, int capacity, String group, @Nullable Turn seen,
      String router) {}

  /** A concurrent commit took the chosen agent's room or the group's turn: route again. */
  static final class Taken extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Taken(String what) {
      super(what, null, false, false);
    }
  }

  /** The history cause of a routed assignment. */
  record RouterCause(String router) implements ChangeCause {
    @Override
    public String describe() {
      return "router " + router;
    }
  }

  private final Routing routing;

  Routes(Routing routing) {
    this.routing = routing;
  }

  int attempts() {
    return routing.attempts();
  }

  /** Chooses an agent for an unassigned active ticket, or none. */
  Optional<Plan> plan(Ticket t, Instant now) {
    if (t.assignee() != null || !t.status().category().isActive()) {
      return Optional.empty();
    }
    String group = routing.groupOf(t);
    int weight = routing.roster().weights().of(t.priority());
    List<AgentProfile> members = routing.roster().group(group);
    if (members.isEmpty()) {
      return Optional.empty();
    }
    Map<AgentId, Integer> loads = routing.store().loads(t.tenant(),
        members.stream().map(AgentProfile::agent).toList());
    List<Candidate> candidates = new ArrayList<>();
    for (AgentProfile p : members) {
      int load = loads.getOrDefault(p.agent(), 0);
      if (load + weight <= p.capacity() && routing.availability().isAvailable(p.agent(), now)) {
        candidates.add(new Candidate(p, Math.max(0, load)));
      }
    }
    if (candidates.isEmpty()) {
      return Optional.empty();
    }
    Router router = routing.router();
    Turn seen = router.takesTurns() ? routing.store().turn(t.tenant(), group) : null;
    Optional<AgentId> chosen = router.choose(new RoutingRequest(t, group, weight, candidates,
        seen == null ? null : seen.last()));
    return chosen.map(agent -> {
      Candidate c = candidates.stream().filter(x -> x.agent().equals(agent)).findFirst()
          .orElseThrow(() -> new InvalidInputException("router", router.name(),
              "chose " + agent + ", who is not a candidate for ticket " + t.id()));
      return new Plan(agent, weight, c.profile().capacity(), group, seen, router.name());
    });
  }

  /**
   * Moves the loads (and the turn) for one change, inside its transaction.
   *
   * @throws Taken if the plan's room or turn was taken meanwhile
   */
  void settle(TransactionContext tx, @Nullable Ticket before, Ticket after, @Nullable Plan plan) {
    TenantId tenant = after.tenant();
    AgentId was = holder(before);
    AgentId is = holder(after);
    int wasWeight = was == null ? 0 : weight(Objects.requireNonNull(before));
    int isWeight = is == null ? 0 : weight(after);
    if (plan != null) {
      if (!plan.agent().equals(is) || was != null) {
        throw new IllegalStateException("a routed change assigns an unassigned ticket");
      }
      if (!routing.store().reserve(tx, tenant, is, isWeight, plan.capacity())) {
        throw new Taken("the room of " + is);
      }
      if (plan.seen() != null && !routing.store().advance(tx, tenant, plan.group(), plan.seen(),
          plan.seen().next(is))) {
        throw new Taken("the turn of group " + plan.group());
      }
      return;
    }
    // Agents' rows are changed in agent-id order, so two reassignments never wait on each other.
    Map<String, Integer> deltas = new TreeMap<>();
    Map<String, AgentId> agents = new HashMap<>();
    if (was != null) {
      deltas.merge(was.value(), -wasWeight, Integer::sum);
      agents.put(was.value(), was);
    }
    if (is != null) {
      deltas.merge(is.value(), isWeight, Integer::sum);
      agents.put(is.value(), is);
    }
    deltas.forEach((agent, delta) -> {
      if (delta != 0) {
        routing.store().adjust(tx, tenant, agents.get(agent), delta);
      }
    });
  }

  /** Tells whether a committed change leaves a ticket waiting in a new tier's queue. */
  static boolean escalatedIntoQueue(Ticket before, Ticket after) {
    return !after.tier().equals(before.tier()) && after.assignee() == null
        && after.status().category().isActive();
  }

  private @Nullable AgentId holder(@Nullable Ticket t) {
    return t == null || !t.status().category().isActive() ? null : t.assignee();
  }

  private int weight(Ticket t) {
    return routing.roster().weights().of(t.priority());
  }
}
