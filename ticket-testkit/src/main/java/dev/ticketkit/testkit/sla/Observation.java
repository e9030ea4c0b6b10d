package dev.ticketkit.testkit.sla;

import dev.ticketkit.core.Ticket;
import dev.ticketkit.sla.clock.SlaClock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The ticket and its SLA clocks as a {@link StoryRun} saw them after one moment of a story: the
 * intake, a step's action, or a tick.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param step the step's number, 0 for the intake
 * @param label what just happened, such as {@code "3. +2h: agent replies"} or
 *     {@code "3. tick B now-1h"}, with {@code " (not allowed now)"} for a refused action
 * @param at the clock's instant then
 * @param ticket the ticket
 * @param clocks its SLA clocks, as the engine reports them
 */
public record Observation(int step, String label, Instant at, Ticket ticket, List<SlaClock> clocks) {

  /**
   * Validates the observation and copies the clocks.
   *
   * @throws NullPointerException if a part is null
   */
  public Observation {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(ticket, "ticket");
    clocks = List.copyOf(clocks);
  }

  /**
   * Returns the label, the instant, the ticket's status and priority and each clock's state.
   *
   * @return one line per clock after a heading line
   */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder(label).append(" @ ").append(at).append(" -> ")
        .append(ticket.status().name()).append(' ').append(ticket.priority())
        .append(" v").append(ticket.version());
    for (SlaClock c : clocks) {
      b.append("\n      ").append(c.key().metric()).append('#').append(c.key().cycle())
          .append(' ').append(c.state()).append(" target ").append(c.target().target())
          .append(" on ").append(c.target().calendarId()).append(", due ").append(c.dueAt())
          .append(", elapsed ").append(c.elapsed());
    }
    return b.toString();
  }
}
