package dev.ticketkit.core.privacy;

import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Ticket;
import java.util.List;
import java.util.Objects;

/**
 * What a store without separate report facts keeps of a ticket that retention purged, so that
 * reports of past periods stay the same: the ticket and its history, anonymised as erasure
 * anonymises them (no name, handle, body or comment of the requester; states, instants,
 * priorities, categories, tiers, agents and ratings as they were). It is no longer a ticket:
 * {@code get}, {@code query}, {@code history} and {@code conversation} do not return it, its
 * conversation and outbox rows are gone; only a report source reads it, through
 * {@link PersonalDataStore#purged}.
 *
 * @param ticket the anonymised ticket at its last version
 * @param history its anonymised history, oldest first
 */
public record PurgedTicket(Ticket ticket, List<HistoryEntry> history) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   */
  public PurgedTicket {
    Objects.requireNonNull(ticket, "ticket");
    history = List.copyOf(history);
  }
}
