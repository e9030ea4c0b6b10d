package dev.ticketkit.report;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A headline figure of the period beside the same figure of the previous period. Instances are
 * immutable and thread-safe.
 *
 * @param id the figure's stable id, such as {@code received} or {@code resolutionMean}
 * @param unit how to read the values
 * @param current the figure in the period, or null when it cannot be computed (no data)
 * @param previous the figure in the previous period, or null
 */
public record HeadlineFigure(
    String id, Unit unit, @Nullable Double current, @Nullable Double previous) {

  /** How a headline value reads. */
  public enum Unit {
    /** A number of things. */
    COUNT,
    /** A fraction in [0, 1]. */
    RATIO,
    /** A duration in seconds. */
    SECONDS
  }

  /**
   * Validates the figure.
   *
   * @throws NullPointerException if the id or unit is null
   */
  public HeadlineFigure {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(unit, "unit");
  }

  /**
   * Returns the change from the previous period.
   *
   * @return current minus previous, or null if either is null
   */
  public @Nullable Double delta() {
    return current == null || previous == null ? null : current - previous;
  }
}
