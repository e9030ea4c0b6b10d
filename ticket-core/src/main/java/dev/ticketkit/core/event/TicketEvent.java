package dev.ticketkit.core.event;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.TicketId;
import java.time.Instant;

/**
 * Something that happened to a ticket and was stored.
 *
 * <p>The set of event types is closed, so a {@code switch} over them can be exhaustive. Each one
 * carries an {@link EventHeader} (tenant, ticket, version, actor, instant, cycle) and the facts of
 * its kind. One stored change may produce several events, in a fixed order: the operation's own
 * event first (for example {@link TicketRated}), then {@link TicketStatusChanged},
 * {@link TicketReopened}, {@link TicketEscalated}, {@link TicketAssigned} and the rest as their
 * fields changed. All implementations are immutable and thread-safe.
 */
public sealed interface TicketEvent
    permits TicketOpened,
        TicketStatusChanged,
        TicketReplied,
        TicketNoted,
        TicketAssigned,
        TicketEscalated,
        TicketPriorityChanged,
        TicketCategoryChanged,
        TicketTagged,
        TicketUntagged,
        TicketLinked,
        TicketMerged,
        TicketRated,
        DissatisfactionFlagged,
        TicketReopened,
        TicketUrgentFlagged,
        TicketEdited,
        TicketRatingExpired,
        ProblemRecorded,
        IncidentResolutionProposed,
        HandoffOpened,
        HandoffChecked,
        HandoffClosed {

  /**
   * Returns the facts every event carries.
   *
   * @return the header
   */
  EventHeader header();

  /**
   * Returns the ticket's tenant.
   *
   * @return the tenant
   */
  default TenantId tenant() {
    return header().tenant();
  }

  /**
   * Returns the ticket.
   *
   * @return the ticket id
   */
  default TicketId ticketId() {
    return header().ticketId();
  }

  /**
   * Returns the ticket version the change produced.
   *
   * @return the version
   */
  default long ticketVersion() {
    return header().ticketVersion();
  }

  /**
   * Returns who made the change.
   *
   * @return the actor
   */
  default Actor actor() {
    return header().actor();
  }

  /**
   * Returns when the change was made.
   *
   * @return the instant
   */
  default Instant at() {
    return header().at();
  }

  /**
   * Returns the resolution cycle the event belongs to (see {@link EventHeader#cycle()}).
   *
   * @return the cycle, 1 or more
   */
  default int cycle() {
    return header().cycle();
  }
}
