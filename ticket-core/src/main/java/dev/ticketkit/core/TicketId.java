package dev.ticketkit.core;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a ticket across all tenants and application nodes.
 *
 * <p>A ticket id wraps a {@link UUID}, so nodes can make ids without coordination; the
 * human-friendly, per-tenant number that agents read out on the phone is a separate field of the
 * ticket. Instances are immutable and thread-safe.
 *
 * @param value the UUID
 */
public record TicketId(UUID value) implements Comparable<TicketId> {

  /**
   * Validates the id.
   *
   * @throws NullPointerException if the value is null
   */
  public TicketId {
    Objects.requireNonNull(value, "value");
  }

  /**
   * Returns the ticket id for a UUID.
   *
   * @param value the UUID
   * @return the ticket id
   */
  public static TicketId of(UUID value) {
    return new TicketId(value);
  }

  /**
   * Parses the text form written by {@link #toString()}.
   *
   * @param text a UUID in its canonical 36-character form
   * @return the ticket id
   * @throws NullPointerException if the text is null
   * @throws InvalidInputException if the text is not a UUID
   */
  public static TicketId parse(String text) {
    Objects.requireNonNull(text, "text");
    if (text == null || text.length() != 36) {
      throw new InvalidInputException("ticketId", text, "must be a UUID in canonical form");
    }
    try {
      return new TicketId(UUID.fromString(text));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("ticketId", text, "must be a UUID in canonical form");
    }
  }

  @Override
  public int compareTo(TicketId other) {
    return value.compareTo(other.value);
  }

  /** Returns the canonical UUID text, which {@link #parse(String)} reads back. */
  @Override
  public String toString() {
    return value.toString();
  }
}
