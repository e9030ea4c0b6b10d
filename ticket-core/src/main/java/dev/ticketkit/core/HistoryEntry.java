package dev.ticketkit.core;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One line of a ticket's append-only history: who changed which field, when, from what to what.
 *
 * <p>Each stored change appends one or more entries that share the ticket version it produced and
 * are numbered by {@code position} from 0; ordered by {@code (ticketVersion, position)} they are
 * the ticket's whole history, and {@link TicketReplay} rebuilds the ticket from them. The field
 * names and the text forms of {@code before} and {@code after} are those of {@link TicketField}.
 * For a set-valued field (tags, links, attachments) an entry adds the element in {@code after} or
 * removes the element in {@code before}. Instances are immutable and thread-safe.
 *
 * @param tenant the ticket's tenant
 * @param ticketId the ticket
 * @param ticketVersion the ticket version the change produced, 1 or more
 * @param position the entry's place within its change, 0 or more
 * @param actor who made the change
 * @param at when the change was made
 * @param action the operation
 * @param field the changed field, one of {@link TicketField}'s names
 * @param before the value before, as text, or null when absent
 * @param after the value after, as text, or null when absent
 */
public record HistoryEntry(
    TenantId tenant,
    TicketId ticketId,
    long ticketVersion,
    int position,
    Actor actor,
    Instant at,
    HistoryAction action,
    String field,
    @Nullable String before,
    @Nullable String after) {

  /**
   * Validates the entry.
   *
   * @throws NullPointerException if a required part is null
   * @throws InvalidInputException if the version below 1, the
   *     position negative, or a text not well-formed (see {@link TextRule})
   */
  public HistoryEntry {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(field, "field");
    Texts.notNull("tenant", tenant);
    Texts.notNull("ticketId", ticketId);
    TicketChecks.positive("ticketVersion", ticketVersion);
    if (position < 0) {
      throw new InvalidInputException("position", position, "must not be negative");
    }
    Texts.notNull("actor", actor);
    Texts.notNull("at", at);
    Texts.notNull("action", action);
    FIELD_NAME.require("field", field);
    TextRule.wellFormed("before", before);
    TextRule.wellFormed("after", after);
  }

  private static final TextRule FIELD_NAME = TextRule.identifier(100);
}
