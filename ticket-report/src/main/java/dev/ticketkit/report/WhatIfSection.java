package dev.ticketkit.report;

import dev.ticketkit.core.InvalidInputException;
import dev.ticketkit.core.TextRule;
import dev.ticketkit.sla.whatif.ComplianceRow;
import dev.ticketkit.sla.whatif.ComplianceTally;
import dev.ticketkit.sla.whatif.OutcomeChange;
import dev.ticketkit.sla.whatif.WhatIfResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The optional what-if section of a {@link Report}: the period's SLA clocks replayed under other
 * policies beside the clocks as they ran ({@code dev.ticketkit.sla.whatif.WhatIf}). Attach it with
 * {@link Report#withWhatIf}; the renderers show it after the service levels. Instances are
 * immutable and thread-safe.
 *
 * @param change what the other policies change, in words (such as "first reply in 10 minutes on
 *     working days instead of 15")
 * @param tickets the tickets replayed
 * @param rows compliance per metric and priority, actual beside what-if
 * @param breachesGained clocks the other policies would breach that were not breached
 * @param breachesAvoided breached clocks the other policies would have kept within target
 * @param ticketsChanged tickets with at least one clock whose outcome changes
 * @param examples some of the changed clocks, each explained
 */
public record WhatIfSection(String change, long tickets, List<WhatIfRow> rows,
    long breachesGained, long breachesAvoided, long ticketsChanged,
    List<WhatIfExample> examples) {

  /** The rule of the change's description. */
  private static final TextRule CHANGE = TextRule.text(500);

  /**
   * Checks the parts and copies the lists.
   *
   * @throws InvalidInputException if the change is blank or longer than 500 characters, or a
   *     count is negative
   */
  public WhatIfSection {
    Objects.requireNonNull(change, "change");
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(examples, "examples");
    CHANGE.require("change", change);
    if (tickets < 0 || breachesGained < 0 || breachesAvoided < 0 || ticketsChanged < 0) {
      throw new InvalidInputException("whatIf", tickets + "/" + breachesGained + "/"
          + breachesAvoided + "/" + ticketsChanged, "counts must not be negative");
    }
    rows = List.copyOf(rows);
    examples = List.copyOf(examples);
  }

  /**
   * Builds the section from a what-if run.
   *
   * @param change what the other policies change, in words
   * @param result the run
   * @param maxExamples how many changed clocks to explain, 0 to 100
   * @return the section
   * @throws InvalidInputException if {@code change} is blank or {@code maxExamples} out of range
   */
  public static WhatIfSection of(String change, WhatIfResult result, int maxExamples) {
    Objects.requireNonNull(result, "result");
    if (maxExamples < 0 || maxExamples > 100) {
      throw new InvalidInputException("maxExamples", maxExamples, "must be 0 to 100");
    }
    List<WhatIfRow> rows = new ArrayList<>();
    for (ComplianceRow r : result.rows()) {
      rows.add(row(r));
    }
    List<WhatIfExample> examples = new ArrayList<>();
    for (OutcomeChange c : result.changes()) {
      if (examples.size() == maxExamples) {
        break;
      }
      examples.add(new WhatIfExample(c.key().ticket(), c.key().metric(), c.key().cycle(),
          c.actual().name(), c.whatIf().name(), result.explain(c)));
    }
    return new WhatIfSection(change, result.tickets(), rows, result.breachesGained(),
        result.breachesAvoided(), result.changedTickets().size(), examples);
  }

  private static WhatIfRow row(ComplianceRow r) {
    ComplianceTally a = r.actual();
    ComplianceTally w = r.whatIf();
    return new WhatIfRow(r.metric(), r.priority(), a.met(), a.breached(), rate(a), w.met(),
        w.breached(), rate(w), a.escalations(), w.escalations());
  }

  private static @Nullable Double rate(ComplianceTally t) {
    double c = t.compliance();
    return Double.isNaN(c) ? null : c;
  }
}
