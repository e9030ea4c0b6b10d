package dev.ticketkit.report;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The department hand-offs opened in the period, of one department or of all
 * ({@link HandoffFigures}). A hand-off counts as answered or returned if the department did so
 * before the report's instant; the rest are still open then. The response time is calendar time
 * from the hand-off to the department's answer or return (nearest-rank median and p90), over the
 * hand-offs opened in the period that were answered or returned by the report's instant.
 * Instances are immutable and thread-safe.
 *
 * @param department the department's code, or {@code "*"} for all departments
 * @param opened hand-offs opened in the period
 * @param answered of them, answered
 * @param returned of them, returned without an answer
 * @param stillOpen of them, still open at the report's instant
 * @param responseMedian median response time, or null without responses
 * @param responseP90 90th percentile of the response time, or null
 */
public record DepartmentHandoffs(String department, long opened, long answered, long returned,
    long stillOpen, @Nullable Duration responseMedian, @Nullable Duration responseP90) {

  /**
   * Validates the row.
   *
   * @throws NullPointerException if the department is null
   */
  public DepartmentHandoffs {
    Objects.requireNonNull(department, "department");
  }
}
