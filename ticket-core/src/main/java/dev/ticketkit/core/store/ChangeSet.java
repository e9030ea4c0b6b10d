package dev.ticketkit.core.store;

import dev.ticketkit.core.ChangeCause;
import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TenantId;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.TicketId;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.event.TicketOpened;
import dev.ticketkit.core.internal.CoreAccess;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Everything one stored change writes, which a {@link TicketStore} commits all or nothing.
 *
 * <p>The ticket is the new snapshot, whose version is {@code expectedVersion + 1}; an expected
 * version of {@link #NEW_TICKET} (0) inserts a new ticket. The history entries (at least one), the
 * conversation entries and the events all belong to the same tenant and ticket and carry the new
 * version. Only {@code TicketService} makes change sets (there is no public constructor), so every
 * change set went through the workflow and the service's checks; its construction checks the
 * above as well, so a store may trust a change set it receives. Instances are immutable and
 * thread-safe.
 */
public final class ChangeSet {

  /** The expected version of a change set that inserts a new ticket. */
  public static final long NEW_TICKET = 0;

  static {
    CoreAccess.register(ChangeSet::new);
  }

  private final Ticket ticket;
  private final long expectedVersion;
  private final List<HistoryEntry> history;
  private final List<ConversationEntry> conversation;
  private final List<TicketEvent> events;
  private final @Nullable ChangeCause cause;

  /**
   * Validates the change set and copies the lists. Reached by {@code TicketService} through
   * ticket-core's internal bridge only.
   *
   * @throws NullPointerException if a part is null
   * @throws InvalidInputException if the versions, tenants, tickets or positions disagree, or
   *     there is no history entry
   */
  ChangeSet(Ticket ticket, long expectedVersion, List<HistoryEntry> history,
      List<ConversationEntry> conversation, List<TicketEvent> events,
      @Nullable ChangeCause cause) {
    this.ticket = Objects.requireNonNull(ticket, "ticket");
    this.expectedVersion = expectedVersion;
    this.history = List.copyOf(history);
    this.conversation = List.copyOf(conversation);
    this.events = List.copyOf(events);
    this.cause = cause;
    if (ticket.version() != expectedVersion + 1) {
      throw new InvalidInputException(
          "ticket.version", ticket.version(), "must be expectedVersion + 1 = " + (expectedVersion + 1));
    }
    if (this.history.isEmpty()) {
      throw new InvalidInputException("history", history, "must hold at least one entry");
    }
    ChangeSetChecks.check(ticket, this.history, this.conversation, this.events);
  }

  /**
   * Returns the ticket as it is after the change.
   *
   * @return the ticket
   */
  public Ticket ticket() {
    return ticket;
  }

  /**
   * Returns the version the change was based on.
   *
   * @return the version, or {@link #NEW_TICKET} for a new ticket
   */
  public long expectedVersion() {
    return expectedVersion;
  }

  /**
   * Returns the history entries to append.
   *
   * @return the entries, positions 0, 1, 2... in order
   */
  public List<HistoryEntry> history() {
    return history;
  }

  /**
   * Returns the conversation entries to append.
   *
   * @return none, or one reply or note
   */
  public List<ConversationEntry> conversation() {
    return conversation;
  }

  /**
   * Returns the events to publish after the commit.
   *
   * @return the events, in order
   */
  public List<TicketEvent> events() {
    return events;
  }

  /**
   * Returns what made the change when a module made it (an SLA escalation, a macro).
   *
   * @return the cause, or null for a caller's own command
   */
  public @Nullable ChangeCause cause() {
    return cause;
  }

  /**
   * Returns this new ticket's change set with the number a store allocated for it inside the
   * commit's transaction: the ticket, its history entry for {@link TicketField#NUMBER} and its
   * {@link TicketOpened} event carry the number; nothing else changes. {@code TicketService}
   * builds a new ticket's change set with a provisional number, which every store replaces.
   *
   * @param number the allocated number, 1 or more
   * @return the numbered change set
   * @throws InvalidInputException if this change set does not open a ticket, or the number is
   *     below 1
   */
  public ChangeSet numbered(long number) {
    if (!isNewTicket()) {
      throw new InvalidInputException("changes", ticket.id(), "does not open a ticket");
    }
    if (number < 1) {
      throw new InvalidInputException("number", number, "must be 1 or more");
    }
    if (number == ticket.number()) {
      return this;
    }
    String text = Long.toString(number);
    List<HistoryEntry> entries = history.stream().map(e -> !TicketField.NUMBER.equals(e.field()) ? e
        : new HistoryEntry(e.tenant(), e.ticketId(), e.ticketVersion(), e.position(), e.actor(),
            e.at(), e.action(), e.field(), e.before(), text)).toList();
    List<TicketEvent> renumbered = events.stream().map(e -> !(e instanceof TicketOpened o) ? e
        : new TicketOpened(o.header(), number, o.channel(), o.priority(), o.status(), o.tier(),
            o.category())).toList();
    return new ChangeSet(CoreAccess.tickets().renumber(ticket, number), expectedVersion, entries,
        conversation, renumbered, cause);
  }

  /**
   * Returns the ticket's tenant.
   *
   * @return the tenant
   */
  public TenantId tenant() {
    return ticket.tenant();
  }

  /**
   * Returns the ticket's id.
   *
   * @return the id
   */
  public TicketId ticketId() {
    return ticket.id();
  }

  /**
   * Tells whether this change set inserts a new ticket.
   *
   * @return true if the expected version is {@link #NEW_TICKET}
   */
  public boolean isNewTicket() {
    return expectedVersion == NEW_TICKET;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ChangeSet other && ticket.equals(other.ticket)
        && expectedVersion == other.expectedVersion && history.equals(other.history)
        && conversation.equals(other.conversation) && events.equals(other.events)
        && Objects.equals(cause, other.cause);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ticket, expectedVersion, history);
  }

  /** Returns a short description for logs: the ticket, the versions and the entry counts. */
  @Override
  public String toString() {
    return "ChangeSet[" + ticket + " from v" + expectedVersion + ", " + history.size()
        + " history entries, " + conversation.size() + " conversation entries, " + events.size()
        + " events]";
  }
}
