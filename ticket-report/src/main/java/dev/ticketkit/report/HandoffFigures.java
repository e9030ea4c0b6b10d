package dev.ticketkit.report;

import java.util.List;
import java.util.Objects;

/**
 * Department hand-offs (ticket-core's {@code HandoffDesk}): those opened in the period, in all
 * and by department (most opened first, then by code). See {@link DepartmentHandoffs} for each
 * figure. Instances are immutable and thread-safe.
 *
 * @param all every department together (department {@code "*"})
 * @param byDepartment one row per department that had a hand-off opened in the period
 */
public record HandoffFigures(DepartmentHandoffs all, List<DepartmentHandoffs> byDepartment) {

  /**
   * Copies the list.
   *
   * @throws NullPointerException if a part is null
   */
  public HandoffFigures {
    Objects.requireNonNull(all, "all");
    byDepartment = List.copyOf(byDepartment);
  }
}
