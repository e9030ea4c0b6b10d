package dev.ticketkit.report.internal;

import dev.ticketkit.report.source.ClockFact;
import dev.ticketkit.report.source.CycleFact;
import dev.ticketkit.report.source.EscalationFact;
import java.util.List;

/**
 * A snapshot of one tenant's facts. Immutable and thread-safe.
 *
 * @param cycles the cycle facts
 * @param clocks the clock facts
 * @param escalations the escalation facts
 */
public record FactSet(
    List<CycleFact> cycles, List<ClockFact> clocks, List<EscalationFact> escalations) {

  /** Copies the lists. */
  public FactSet {
    cycles = List.copyOf(cycles);
    clocks = List.copyOf(clocks);
    escalations = List.copyOf(escalations);
  }
}
