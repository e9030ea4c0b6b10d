package dev.ticketkit.sla.store;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.sla.clock.ClockKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * One escalation level of one clock, scheduled to fire at an instant: an entry of the store's
 * time-ordered escalation index.
 *
 * <p>{@code (clock, level)} identifies the entry; it fires at most once (see
 * {@link SlaStore#processDue}). Entries sort by due instant, then clock key, then level, which is
 * the order {@code processDue} hands them over in. Instances are immutable and thread-safe.
 *
 * @param clock the clock whose ladder the level belongs to
 * @param level the level, 0 or more (the engine numbers ladder levels 1, 2, 3...)
 * @param dueAt when the level is due
 */
public record DueEscalation(ClockKey clock, int level, Instant dueAt)
    implements Comparable<DueEscalation> {

  /** Due instant first, then clock key, then level. */
  public static final Comparator<DueEscalation> ORDER = DueEscalation::compare;

  /**
   * Validates the entry.
   *
   * @throws NullPointerException if a part is null
   * @throws InvalidInputException if the level is negative
   */
  public DueEscalation {
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(dueAt, "dueAt");
    if (level < 0) {
      throw new InvalidInputException("level", level, "must be 0 or more");
    }
  }

  /**
   * Orders by {@link #ORDER}.
   *
   * @param other the other entry
   * @return negative, zero or positive
   */
  @Override
  public int compareTo(DueEscalation other) {
    return compare(this, other);
  }

  private static int compare(DueEscalation a, DueEscalation b) {
    int c = a.dueAt.compareTo(b.dueAt);
    if (c == 0) {
      c = a.clock.compareTo(b.clock);
    }
    return c != 0 ? c : Integer.compare(a.level, b.level);
  }
}
