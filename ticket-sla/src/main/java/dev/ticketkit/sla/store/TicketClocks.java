package dev.ticketkit.sla.store;

import dev.ticketkit.sla.clock.SlaClock;
import java.util.List;

/**
 * What the SLA engine reads of a ticket inside the ticket's commit: its open clocks, the latest
 * clock of each metric (to number the next one), and the highest ticket version whose change the
 * store has already applied to them.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param clocks the open clocks and the latest clock of each metric, in key order, each once
 * @param appliedVersion the highest ticket version among those clocks' last changes, 0 if none:
 *     a change of that version or older has already been applied (a second engine attached to
 *     the same service and store skips it)
 */
public record TicketClocks(List<SlaClock> clocks, long appliedVersion) {

  /** A ticket without clocks. */
  public static final TicketClocks NONE = new TicketClocks(List.of(), 0);

  /**
   * Copies the list.
   *
   * @throws NullPointerException if the list is null
   */
  public TicketClocks {
    clocks = List.copyOf(clocks);
  }
}
