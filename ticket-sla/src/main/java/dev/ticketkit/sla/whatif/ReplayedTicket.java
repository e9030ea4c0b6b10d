package dev.ticketkit.sla.whatif;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.store.LadderLevelDue;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The SLA clocks of one ticket as a replay of its history computed them, and the escalation
 * levels that would have fired. Instances are immutable and thread-safe.
 *
 * @param tenant the ticket's tenant
 * @param ticket the ticket
 * @param asOf the instant the replay stopped at
 * @param clocks the clocks, in the order they started, as of their last change (what an
 *     {@code SlaStore} holds)
 * @param escalations the ladder levels that would have fired by {@code asOf}, each with the
 *     instant it became due, in that order
 */
public record ReplayedTicket(TenantId tenant, TicketId ticket, Instant asOf, List<SlaClock> clocks,
    List<LadderLevelDue> escalations) {

  /**
   * Validates and copies the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public ReplayedTicket {
    Objects.requireNonNull(tenant, "tenant");
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(asOf, "asOf");
    clocks = List.copyOf(clocks);
    escalations = List.copyOf(escalations);
  }
}
