package dev.ticketkit.report;

import java.util.List;

/**
 * How many tickets came in and how many left the queue in the period.
 *
 * <p>Received tickets are those opened in the period, broken down by channel, top-level category
 * (the first segment; {@code (none)} for uncategorised), full category path (the drill-down),
 * priority, local day and local hour of week. Resolved counts resolution cycles that entered a
 * RESOLVED status in the period (a reopened ticket resolved again counts again); closed, cancelled
 * and merged count cycles that entered a CLOSED status in the period by {@code CloseKind}.
 * Instances are immutable and thread-safe.
 *
 * @param received tickets opened in the period
 * @param byChannel received by channel, largest first
 * @param byCategory received by top-level category, largest first
 * @param byCategoryPath received by full category path, largest first
 * @param byPriority received by priority, URGENT first
 * @param byDay received per local day, every day of the period
 * @param byHourOfWeek received per local hour of week, all 168 hours
 * @param resolved cycles resolved in the period
 * @param closed cycles closed after a resolution in the period
 * @param cancelled cycles cancelled in the period
 * @param merged cycles merged in the period
 */
public record Volume(
    long received,
    List<Count> byChannel,
    List<Count> byCategory,
    List<Count> byCategoryPath,
    List<Count> byPriority,
    List<DayCount> byDay,
    List<HourOfWeekCount> byHourOfWeek,
    long resolved,
    long closed,
    long cancelled,
    long merged) {

  /** Copies the lists. */
  public Volume {
    byChannel = List.copyOf(byChannel);
    byCategory = List.copyOf(byCategory);
    byCategoryPath = List.copyOf(byCategoryPath);
    byPriority = List.copyOf(byPriority);
    byDay = List.copyOf(byDay);
    byHourOfWeek = List.copyOf(byHourOfWeek);
  }
}
