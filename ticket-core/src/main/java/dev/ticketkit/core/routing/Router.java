package dev.ticketkit.core.routing;

import dev.ticketkit.core.AgentId;
import dev.ticketkit.core.Ticket;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Chooses who takes a ticket, among the candidates of a {@link RoutingRequest}: the SPI behind
 * routing at intake and after a tier escalation. It may choose nobody, and the ticket then stays
 * unassigned in its group's queue. A router only chooses; the service checks the choice against
 * the agent's capacity inside the ticket's transaction and, if a concurrent intake took the room
 * meanwhile, asks again with fresh loads.
 *
 * <p>Built in: {@link #roundRobin()}, {@link #leastLoaded()} and {@link #skills(Router, Router)}.
 * Implementations must be stateless (state that must survive lives in the {@link RosterStore}:
 * the round-robin turn) and thread-safe.
 */
public interface Router {

  /**
   * Names the router for the ticket's history (the cause of its assignments), such as
   * {@code "round-robin"}.
   *
   * @return the name, 1 to 100 characters
   */
  String name();

  /**
   * Chooses an agent.
   *
   * @param request the ticket and its candidates
   * @return one of the request's candidates, or empty to leave the ticket unassigned
   */
  Optional<AgentId> choose(RoutingRequest request);

  /**
   * Tells whether the router's choices move the group's round-robin turn. The service then
   * stores the turn with the assignment, compare-and-set, so that concurrent intakes on several
   * nodes each take the next agent and none is skipped or taken twice.
   *
   * @return true for round robin and routers that delegate to it
   */
  default boolean takesTurns() {
    return false;
  }

  /**
   * Returns the router that takes the candidates in turn: the first agent after the group's last
   * turn, in agent-id order, wrapping around; agents who are away or full are skipped.
   *
   * @return the router, named {@code "round-robin"}
   */
  static Router roundRobin() {
    return BuiltInRouters.ROUND_ROBIN;
  }

  /**
   * Returns the router that gives the ticket to the candidate with the least open load (weighted
   * by priority), then the lowest share of capacity used, then the first in agent-id order.
   *
   * @return the router, named {@code "least-loaded"}
   */
  static Router leastLoaded() {
    return BuiltInRouters.LEAST_LOADED;
  }

  /**
   * Returns the router that prefers the candidates whose skills fit the ticket: its category
   * (an agent skilled in a category takes its sub-categories), its language (read by
   * {@code languageOf}) and its channel. A dimension the ticket leaves open (no category, no
   * language) fits everyone. {@code within} chooses among the fitting candidates; if none fits,
   * or it chooses nobody, {@code fallback} chooses among all.
   *
   * @param within the router among skilled candidates, such as {@link #leastLoaded()}
   * @param fallback the router among all candidates when no skilled one is free
   * @param languageOf reads the ticket's language tag, or null if unknown
   * @return the router, named {@code "skills"}
   */
  static Router skills(Router within, Router fallback,
      Function<Ticket, @Nullable String> languageOf) {
    return new SkillsRouter(within, fallback, languageOf);
  }

  /**
   * Returns the skills router that reads the ticket's language from its text custom field
   * {@value SkillsRouter#LANGUAGE_FIELD}.
   *
   * @param within the router among skilled candidates
   * @param fallback the router among all candidates
   * @return the router
   */
  static Router skills(Router within, Router fallback) {
    return new SkillsRouter(within, fallback, SkillsRouter::languageField);
  }
}
