package dev.ticketkit.sla.store;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import java.time.Instant;
import java.util.Comparator;

/**
 * Work the SLA engine owes a ticket at an instant: a level of a clock's escalation ladder
 * ({@link LadderLevelDue}) or an event rule a ticket change triggered ({@link EventRuleDue}).
 *
 * <p>Due work is kept in the store's time-ordered index until it is done; {@link #key()}
 * identifies it within its ticket, and a store records each key done at most once, so every piece
 * of due work is carried out exactly once however many engines and nodes process it. Instances
 * are immutable and thread-safe.
 */
public sealed interface DueWork permits LadderLevelDue, EventRuleDue {

  /**
   * Due instant first, then tenant, ticket and key: the order in which work is handed over.
   * Written out by hand rather than as a {@code Comparator.comparing} chain: the in-memory
   * store's index of a million pieces compares on every insert and removal, and the chain's
   * lambdas and the key strings it builds were most of the cost of a tick.
   */
  Comparator<DueWork> ORDER = (a, b) -> {
    int c = a.dueAt().compareTo(b.dueAt());
    if (c != 0) {
      return c;
    }
    c = a.tenant().compareTo(b.tenant());
    if (c != 0) {
      return c;
    }
    c = a.ticket().compareTo(b.ticket());
    return c != 0 ? c : a.key().compareTo(b.key());
  };

  /** @return the ticket's tenant */
  TenantId tenant();

  /** @return the ticket the work is for */
  TicketId ticket();

  /** @return when the work is due */
  Instant dueAt();

  /**
   * Returns the work's identity within its ticket, the same on every node and after every
   * restart: {@code L:METRIC:cycle:level} for a ladder level, {@code R:version:TRIGGER:index}
   * for an event rule.
   *
   * @return the key, at most 80 characters
   */
  String key();
}
