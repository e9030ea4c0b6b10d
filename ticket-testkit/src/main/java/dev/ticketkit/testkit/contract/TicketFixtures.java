package dev.ticketkit.testkit.contract;

import dev.ticketkit.core.Actor;
import dev.ticketkit.core.Channel;
import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryAction;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Requester;
import dev.ticketkit.core.Status;
import dev.ticketkit.core.StatusCategory;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketBuilder;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.Visibility;
import dev.ticketkit.core.event.EventHeader;
import dev.ticketkit.core.event.TicketEdited;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.event.TicketOpened;
import dev.ticketkit.core.event.TicketReplied;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import dev.ticketkit.core.store.ChangeSet;

/**
 * Builds tickets and change sets for store tests without a service, so a store is tested on its
 * own. Published in the test-jar with {@link TicketStoreContract}. Stateless and thread-safe.
 */
public final class TicketFixtures {

  /** A Monday morning in Shanghai, where fixtures start. */
  public static final Instant T0 = Instant.parse("2024-03-04T01:00:00Z");
  /** The actor fixtures write as. */
  public static final Actor AGENT = Actor.agent("fixture-agent");
  /** The initial status of fixture tickets. */
  public static final Status NEW = Status.of("NEW", StatusCategory.NEW);

  private TicketFixtures() {}

  /**
   * Returns a ticket at version 1 with a random id.
   *
   * @param tenant the tenant
   * @param number the per-tenant number
   * @param createdAt the creation instant
   * @return the ticket
   */
  public static Ticket ticket(TenantId tenant, long number, Instant createdAt) {
    return Ticket.builder()
        .tenant(tenant)
        .id(TicketId.of(UUID.randomUUID()))
        .number(number)
        .requester(Requester.of("req-" + number, "Requester " + number))
        .channel(Channel.EMAIL)
        .subject("Ticket " + number)
        .description("Description of ticket " + number)
        .status(NEW)
        .statusChangedAt(createdAt)
        .createdAt(createdAt)
        .updatedAt(createdAt)
        .build();
  }

  /**
   * Returns the change set that inserts a ticket at version 1, with two history entries (its
   * number and its subject) and a {@link TicketOpened} event.
   *
   * @param ticket the ticket at version 1
   * @return the change set
   */
  public static ChangeSet opening(Ticket ticket) {
    HistoryEntry number = history(ticket, 0, HistoryAction.OPENED, TicketField.NUMBER, null,
        Long.toString(ticket.number()));
    HistoryEntry subject = history(ticket, 1, HistoryAction.OPENED, TicketField.SUBJECT, null,
        ticket.subject());
    TicketEvent opened = new TicketOpened(header(ticket), ticket.number(), ticket.channel(),
        ticket.priority(), ticket.status(), ticket.tier(), ticket.category());
    return new ChangeSet(ticket, ChangeSet.NEW_TICKET, List.of(number, subject), List.of(),
        List.of(opened), null);
  }

  /**
   * Returns the change set that changes a ticket: the next version, one EDITED history entry per
   * call and a {@link TicketEdited} event.
   *
   * @param current the ticket as stored
   * @param at the instant of the change, not before the last one
   * @param change what to change on a builder holding the current values
   * @return the change set
   */
  public static ChangeSet update(Ticket current, Instant at, UnaryOperator<TicketBuilder> change) {
    Ticket next = change.apply(current.toBuilder())
        .version(current.version() + 1).updatedAt(at).build();
    HistoryEntry entry = history(next, 0, HistoryAction.EDITED, TicketField.SUBJECT,
        current.subject(), next.subject());
    TicketEvent edited = new TicketEdited(header(next), Set.of(TicketField.SUBJECT));
    return new ChangeSet(next, current.version(), List.of(entry), List.of(), List.of(edited), null);
  }

  /**
   * Returns the change set that adds a public reply or internal note at the next version.
   *
   * @param current the ticket as stored
   * @param at the instant of the change
   * @param visibility public reply or internal note
   * @param body the text
   * @return the change set
   */
  public static ChangeSet conversation(
      Ticket current, Instant at, Visibility visibility, String body) {
    Ticket next = current.toBuilder().version(current.version() + 1).updatedAt(at).build();
    ConversationEntry entry = new ConversationEntry(next.tenant(), next.id(), next.version(),
        visibility, AGENT, Channel.EMAIL, at, body, List.of());
    HistoryEntry h = history(next, 0,
        visibility == Visibility.PUBLIC ? HistoryAction.REPLIED : HistoryAction.NOTED,
        TicketField.CONVERSATION, null, visibility.name());
    return new ChangeSet(next, current.version(), List.of(h), List.of(entry),
        List.of(new TicketReplied(header(next), entry)), null);
  }

  /**
   * Returns a history entry of a ticket at its version.
   *
   * @param ticket the ticket after the change
   * @param position the position within the change
   * @param action the action
   * @param field the field
   * @param before the value before, or null
   * @param after the value after, or null
   * @return the entry
   */
  public static HistoryEntry history(Ticket ticket, int position, HistoryAction action,
      String field, String before, String after) {
    return new HistoryEntry(ticket.tenant(), ticket.id(), ticket.version(), position, AGENT,
        ticket.updatedAt(), action, field, before, after);
  }

  /**
   * Returns the event header of a ticket at its version.
   *
   * @param ticket the ticket after the change
   * @return the header
   */
  public static EventHeader header(Ticket ticket) {
    return new EventHeader(ticket.tenant(), ticket.id(), ticket.version(), AGENT,
        ticket.updatedAt(), ticket.cycle());
  }
}
