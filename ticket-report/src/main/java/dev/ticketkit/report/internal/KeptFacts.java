package dev.ticketkit.report.internal;

import dev.ticketkit.core.TicketId;
import dev.ticketkit.report.source.ClockFact;
import dev.ticketkit.report.source.CycleFact;
import dev.ticketkit.report.source.EscalationFact;
import dev.ticketkit.report.source.FactReader;
import dev.ticketkit.report.source.FactTable;
import java.util.List;

/**
 * A tenant's cycle and clock facts kept as columns by a following source ({@link KeptTable}
 * per table): a report replaces the rows of the tickets that changed since the last one and
 * reads the rest as they are, so no report builds a column or copies a fact list. Not
 * thread-safe: the source holds one lock per tenant around every call.
 */
public final class KeptFacts {

  private final KeptTable cycles = new KeptTable(FactTable.CYCLES);
  private final KeptTable clocks = new KeptTable(FactTable.CLOCKS);
  private final KeptTable escalations = new KeptTable(FactTable.ESCALATIONS);

  /** Creates an empty set of kept facts. */
  public KeptFacts() {}

  /**
   * Replaces a ticket's facts.
   *
   * @param ticket the ticket
   * @param cycleFacts its cycle facts now (none for a ticket that no longer exists)
   * @param clockFacts its clock facts now
   */
  public void replace(TicketId ticket, List<CycleFact> cycleFacts, List<ClockFact> clockFacts) {
    cycles.replace(ticket, cycleFacts);
    clocks.replace(ticket, clockFacts);
  }

  /**
   * Replaces a ticket's escalation facts (kept when the SLA store tells which tickets' done
   * records changed).
   *
   * @param ticket the ticket
   * @param escalationFacts its escalation facts now
   */
  public void replaceEscalations(TicketId ticket, List<EscalationFact> escalationFacts) {
    escalations.replace(ticket, escalationFacts);
  }

  /**
   * Opens a reader over the facts as they are now (a snapshot: later changes do not reach it),
   * the kept escalation facts included; first drops dead rows where they outnumber the live
   * ones.
   *
   * @return the reader
   */
  public MemoryFactReader reader() {
    escalations.compactIfSparse();
    return reader(escalations.snapshot());
  }

  /**
   * Opens a reader over the kept cycle and clock facts as they are now, with escalation facts
   * read afresh.
   *
   * @param escalationFacts the tenant's escalation facts
   * @return the reader
   */
  public MemoryFactReader reader(List<EscalationFact> escalationFacts) {
    return reader(new FactColumns(List.copyOf(escalationFacts)));
  }

  private MemoryFactReader reader(FactColumns escalationColumns) {
    cycles.compactIfSparse();
    clocks.compactIfSparse();
    return new MemoryFactReader(cycles.snapshot(), clocks.snapshot(), escalationColumns);
  }

  /**
   * Returns the number of live rows of each table.
   *
   * @return cycle rows, clock rows and escalation rows
   */
  public long[] liveRows() {
    return new long[] {cycles.liveRows(), clocks.liveRows(), escalations.liveRows()};
  }
}
