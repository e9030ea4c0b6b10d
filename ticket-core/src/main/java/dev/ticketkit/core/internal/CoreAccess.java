package dev.ticketkit.core.internal;

import dev.ticketkit.core.ChangeCause;
import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.HistoryEntry;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.core.TicketField;
import dev.ticketkit.core.event.TicketEvent;
import dev.ticketkit.core.store.ChangeSet;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The bridge between ticket-core's packages for the two things no host may do: make a
 * {@link ChangeSet} (only {@code TicketService} does, so every change set went through the
 * workflow and the checks) and assemble a {@link Ticket} from stored values (only
 * {@link dev.ticketkit.core.store.StoredTicket} does, for stores).
 *
 * <p>Internal: this package is not part of the API and is not exported. Each side registers its
 * factory once, from the static initialiser of the class that owns the constructor, so the
 * constructors themselves stay package-private. Thread-safe.
 */
public final class CoreAccess {

  /** Makes change sets; registered by {@link ChangeSet}. */
  public interface ChangeSets {
    /**
     * Makes and checks a change set.
     *
     * @param ticket the ticket after the change
     * @param expectedVersion the version it is based on, or {@link ChangeSet#NEW_TICKET}
     * @param history the history entries
     * @param conversation the conversation entries
     * @param events the events
     * @param cause the module's cause, or null
     * @return the change set
     */
    ChangeSet create(Ticket ticket, long expectedVersion, List<HistoryEntry> history,
        List<ConversationEntry> conversation, List<TicketEvent> events,
        @Nullable ChangeCause cause);
  }

  /** Makes tickets from field values; registered by {@link Ticket}. */
  public interface Tickets {
    /**
     * Assembles and checks a ticket.
     *
     * @param values each field's value
     * @return the ticket
     */
    Ticket assemble(Function<TicketField<?>, @Nullable Object> values);

    /**
     * Returns a copy of a ticket with another number.
     *
     * @param ticket the ticket
     * @param number the number, 1 or more
     * @return the copy
     */
    Ticket renumber(Ticket ticket, long number);
  }

  private static volatile @Nullable ChangeSets changeSets;
  private static volatile @Nullable Tickets tickets;

  private CoreAccess() {}

  /**
   * Registers the change-set factory (once).
   *
   * @param factory the factory
   * @throws IllegalStateException if one is already registered
   */
  public static synchronized void register(ChangeSets factory) {
    if (changeSets != null) {
      throw new IllegalStateException("change sets are already registered");
    }
    changeSets = factory;
  }

  /**
   * Registers the ticket factory (once).
   *
   * @param factory the factory
   * @throws IllegalStateException if one is already registered
   */
  public static synchronized void register(Tickets factory) {
    if (tickets != null) {
      throw new IllegalStateException("tickets are already registered");
    }
    tickets = factory;
  }

  /**
   * Returns the change-set factory.
   *
   * @return the factory
   */
  public static ChangeSets changeSets() {
    ChangeSets factory = changeSets;
    if (factory == null) {
      initialise(ChangeSet.class);
      factory = changeSets;
    }
    return java.util.Objects.requireNonNull(factory, "ChangeSet did not register");
  }

  /**
   * Returns the ticket factory.
   *
   * @return the factory
   */
  public static Tickets tickets() {
    Tickets factory = tickets;
    if (factory == null) {
      initialise(Ticket.class);
      factory = tickets;
    }
    return java.util.Objects.requireNonNull(factory, "Ticket did not register");
  }

  private static void initialise(Class<?> type) {
    try {
      Class.forName(type.getName(), true, type.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
