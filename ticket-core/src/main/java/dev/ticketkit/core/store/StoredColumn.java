package dev.ticketkit.core.store;

import dev.ticketkit.core.InvalidInputException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One column a store keeps for a ticket: its name, the type of value it holds, and whether it
 * may be empty. {@link StoredTicket#columns()} lists a ticket's columns, driven by the field table
 * ({@link dev.ticketkit.core.TicketFields}). Instances are immutable and thread-safe.
 *
 * @param name the column's name: lower-case ASCII letters, digits and {@code _}
 * @param type the type of value it holds
 * @param nullable whether the value may be null
 */
public record StoredColumn(String name, Type type, boolean nullable) {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

  /**
   * The type of a stored value, with the Java type {@link StoredTicket} uses for it.
   * Enum constants are thread-safe.
   */
  public enum Type {
    /** Text, as a {@code String}. */
    TEXT,
    /** A JSON document, as its text in a {@code String}. */
    JSON,
    /** A 64-bit whole number, as a {@code Long}. */
    BIGINT,
    /** A 32-bit whole number, as an {@code Integer}. */
    INTEGER,
    /** An instant, as a {@code java.time.Instant}. */
    INSTANT,
    /** A UUID, as a {@code java.util.UUID}. */
    UUID
  }

  /**
   * Validates the column.
   *
   * @throws InvalidInputException if the name is not of the documented form or the type null
   */
  public StoredColumn {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new InvalidInputException("column", name, "must be lower-case letters, digits or '_'");
    }
    if (type == null) {
      throw new InvalidInputException("column.type", null, "must not be null");
    }
  }
}
