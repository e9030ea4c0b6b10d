package dev.ticketkit.report.spike;

import java.util.Objects;

/**
 * One counted series of a tenant: a signal kind over all tickets, one top-level category or one
 * channel. Instances are immutable and thread-safe.
 *
 * @param kind the signal kind
 * @param dimension {@code all}, {@code category} or {@code channel}
 * @param value the category or channel code ({@code *} for all, {@code (none)} for tickets
 *     without a category)
 */
public record SeriesKey(SignalKind kind, String dimension, String value) {

  /**
   * Validates the key.
   *
   * @throws NullPointerException if a part is null
   */
  public SeriesKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(dimension, "dimension");
    Objects.requireNonNull(value, "value");
  }

  /** Returns {@code KIND/dimension=value}. */
  @Override
  public String toString() {
    return kind + "/" + dimension + "=" + value;
  }
}
