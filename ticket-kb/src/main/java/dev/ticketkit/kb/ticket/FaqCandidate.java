package dev.ticketkit.kb.ticket;

import dev.ticketkit.core.TicketId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A question that resolved tickets keep asking and no article answers yet: a group of similar
 * resolved tickets without a linked article, a candidate for a new FAQ entry.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param size how many tickets the group holds
 * @param latestResolvedAt when the most recent of them was resolved
 * @param exampleTicketIds a few of the tickets, most recent first
 * @param commonTerms the terms that characterise the group, most characteristic first
 * @param ticketIds every ticket of the group, most recent first
 */
public record FaqCandidate(
    int size,
    Instant latestResolvedAt,
    List<TicketId> exampleTicketIds,
    List<String> commonTerms,
    List<TicketId> ticketIds) {

  /**
   * Copies the lists.
   *
   * @throws NullPointerException if a field is null
   */
  public FaqCandidate {
    Objects.requireNonNull(latestResolvedAt, "latestResolvedAt");
    exampleTicketIds = List.copyOf(exampleTicketIds);
    commonTerms = List.copyOf(commonTerms);
    ticketIds = List.copyOf(ticketIds);
  }
}
