package dev.ticketkit.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Follow-ups done and due in one week of an agent's tickets ({@link FollowUpLedger#weekly}), for
 * the monthly report. Instances are immutable and thread-safe.
 *
 * @param weekStart the week's first instant; the week is {@code [weekStart, weekStart + 7 days)}
 * @param done public updates the team gave the requesters in the week
 * @param due follow-up deadlines (the cadence after the last update, again and again while no
 *     update came) that fell in the week while the ticket was open
 */
public record WeeklyFollowUps(Instant weekStart, long done, long due) {

  /**
   * Validates the row.
   *
   * @throws NullPointerException if the instant is null
   */
  public WeeklyFollowUps {
    Objects.requireNonNull(weekStart, "weekStart");
  }
}
