package dev.ticketkit.report;

import dev.ticketkit.core.TicketId;
import dev.ticketkit.sla.clock.SlaMetric;
import java.util.Objects;

/**
 * One clock whose outcome changes under the other policies, with the explanation of both clocks.
 * Instances are immutable and thread-safe.
 *
 * @param ticket the ticket
 * @param metric the clock's metric
 * @param cycle the clock's cycle
 * @param actual the outcome under the policies in force ({@code MET}, {@code BREACHED}, ...)
 * @param whatIf the outcome under the other policies
 * @param explanation both clocks explained (start, target and why, calendar, pauses, due)
 */
public record WhatIfExample(TicketId ticket, SlaMetric metric, int cycle, String actual,
    String whatIf, String explanation) {

  /** Checks the parts. */
  public WhatIfExample {
    Objects.requireNonNull(ticket, "ticket");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(actual, "actual");
    Objects.requireNonNull(whatIf, "whatIf");
    Objects.requireNonNull(explanation, "explanation");
  }
}
