package dev.ticketkit.core.routing;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.Ticket;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link dev.ticketkit.core.TicketService} routes: the roster, the router, the agents'
 * availability, the store of loads and turns, and which group's queue a ticket is in (by default
 * its tier's: {@code "L1"}, {@code "L2"}...). Give it to
 * {@link dev.ticketkit.core.TicketServiceBuilder#routing}.
 *
 * <pre>{@code
 * Routing routing = Routing.builder()
 *     .roster(Roster.of(AgentProfile.of(AgentId.of("li"), "L1", 8),
 *                       AgentProfile.of(AgentId.of("zhao"), "L1", 8)))
 *     .router(Router.roundRobin())
 *     .store(kit.rosterStore())
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe if its parts are.
 */
public final class Routing {

  /** How often a routed write is tried again when concurrent intakes took the chosen room. */
  public static final int DEFAULT_ATTEMPTS = 64;

  private final Roster roster;
  private final Router router;
  private final Availability availability;
  private final RosterStore store;
  private final Function<Ticket, String> groupOf;
  private final int attempts;

  private Routing(Builder b) {
    if (b.roster == null || b.router == null || b.store == null) {
      throw new IllegalStateException("routing needs a roster, a router and a store");
    }
    this.roster = b.roster;
    this.router = b.router;
    this.store = b.store;
    this.availability = b.availability == null ? Availability.always() : b.availability;
    this.groupOf = b.groupOf == null ? t -> t.tier().toString() : b.groupOf;
    this.attempts = b.attempts;
  }

  /**
   * Returns a builder; roster, router and store are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the roster */
  public Roster roster() {
    return roster;
  }

  /** @return the router */
  public Router router() {
    return router;
  }

  /** @return the agents' availability */
  public Availability availability() {
    return availability;
  }

  /** @return the store of loads and turns */
  public RosterStore store() {
    return store;
  }

  /**
   * Returns the group whose queue a ticket is in.
   *
   * @param ticket the ticket
   * @return the group
   * @throws InvalidInputException if the host's group function returns a malformed group
   */
  public String groupOf(Ticket ticket) {
    return AgentProfile.checkGroup(groupOf.apply(ticket));
  }

  /** @return how often a routed write is tried when concurrent commits took the chosen room */
  public int attempts() {
    return attempts;
  }

  @Override
  public String toString() {
    return "Routing[" + router.name() + ", " + roster + "]";
  }

  /** Builds a {@link Routing}; each setter may be called once. Not thread-safe. */
  public static final class Builder {
    private @Nullable Roster roster;
    private @Nullable Router router;
    private @Nullable Availability availability;
    private @Nullable RosterStore store;
    private @Nullable Function<Ticket, String> groupOf;
    private int attempts = DEFAULT_ATTEMPTS;
    private boolean attemptsSet;

    private Builder() {}

    /**
     * Sets the roster.
     *
     * @param value the roster
     * @return this builder
     * @throws InvalidInputException if null
     * @throws IllegalStateException if already set
     */
    public Builder roster(Roster value) {
      roster = once("roster", roster, value);
      return this;
    }

    /**
     * Sets the router.
     *
     * @param value the router
     * @return this builder
     * @throws InvalidInputException if null
     * @throws IllegalStateException if already set
     */
    public Builder router(Router value) {
      router = once("router", router, value);
      return this;
    }

    /**
     * Sets the agents' availability (default: always available).
     *
     * @param value the availability
     * @return this builder
     * @throws InvalidInputException if null
     * @throws IllegalStateException if already set
     */
    public Builder availability(Availability value) {
      availability = once("availability", availability, value);
      return this;
    }

    /**
     * Sets the store of loads and turns; it must share the ticket store's transactions (the
     * in-memory one with the in-memory ticket store, a jOOQ kit's with that kit's ticket store).
     *
     * @param value the store
     * @return this builder
     * @throws InvalidInputException if null
     * @throws IllegalStateException if already set
     */
    public Builder store(RosterStore value) {
      store = once("store", store, value);
      return this;
    }

    /**
     * Sets which group's queue a ticket is in (default: its tier, {@code "L1"}...).
     *
     * @param value the group of a ticket
     * @return this builder
     * @throws InvalidInputException if null
     * @throws IllegalStateException if already set
     */
    public Builder groupOf(Function<Ticket, String> value) {
      groupOf = once("groupOf", groupOf, value);
      return this;
    }

    /**
     * Sets how often a routed write is tried when concurrent commits took the chosen agent's room
     * or the group's turn (default {@value Routing#DEFAULT_ATTEMPTS}); after the last, the ticket stays
     * unassigned in its queue.
     *
     * @param value 1 to 1000
     * @return this builder
     * @throws InvalidInputException if out of range
     * @throws IllegalStateException if already set
     */
    public Builder attempts(int value) {
      if (attemptsSet) {
        throw new IllegalStateException("attempts is already set");
      }
      if (value < 1 || value > 1000) {
        throw new InvalidInputException("attempts", value, "must be between 1 and 1000");
      }
      attempts = value;
      attemptsSet = true;
      return this;
    }

    /**
     * Returns the routing.
     *
     * @return the routing
     * @throws IllegalStateException if the roster, router or store is missing
     */
    public Routing build() {
      return new Routing(this);
    }

    private static <T> T once(String field, @Nullable T current, @Nullable T value) {
      if (value == null) {
        throw new InvalidInputException(field, null, "must not be null");
      }
      if (current != null) {
        throw new IllegalStateException(field + " is already set");
      }
      return value;
    }
  }
}
