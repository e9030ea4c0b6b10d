package dev.ticketkit.report.internal;

import static dev.ticketkit.report.internal.Queries.by;
import static dev.ticketkit.report.internal.Queries.eq;
import static dev.ticketkit.report.internal.Queries.in;

import dev.ticketkit.report.DurationStats;
import dev.ticketkit.report.FirstContactResolution;
import dev.ticketkit.report.ReportPeriod;
import dev.ticketkit.report.Rework;
import dev.ticketkit.report.Timings;
import dev.ticketkit.report.source.CloseKind;
import dev.ticketkit.report.source.FactField;
import dev.ticketkit.report.source.FactReader;
import dev.ticketkit.report.source.FactTable;
import dev.ticketkit.report.source.Filter;
import dev.ticketkit.sla.clock.SlaMetric;
import java.time.Instant;
import java.util.Map;

/** Computes timings, first-contact resolution and rework. Stateless and thread-safe. */
final class TimingSection {

  private TimingSection() {}

  static Timings timings(FactReader r, ReportPeriod p) {
    Filter resolved = in(FactField.RESOLVED_AT, p.startInclusive(), p.endExclusive());
    DurationStats all = Queries.stats(r, FactTable.CYCLES, FactField.RESOLUTION_TIME, resolved);
    DurationStats first = Queries.stats(r, FactTable.CYCLES, FactField.RESOLUTION_TIME, resolved,
        eq(FactField.CYCLE, 1));
    DurationStats later = Queries.stats(r, FactTable.CYCLES, FactField.RESOLUTION_TIME, resolved,
        new Filter.NotEqual(FactField.CYCLE, "1"));
    DurationStats reply = Queries.stats(r, FactTable.CYCLES, FactField.FIRST_REPLY_TIME,
        in(FactField.FIRST_REPLY_AT, p.startInclusive(), p.endExclusive()));
    DurationStats accept = Queries.stats(r, FactTable.CYCLES, FactField.ACCEPTANCE_TIME,
        in(FactField.ACCEPTED_AT, p.startInclusive(), p.endExclusive()));
    return new Timings(all, first, later, business(r, p, SlaMetric.RESOLUTION), reply,
        business(r, p, SlaMetric.FIRST_RESPONSE), accept, business(r, p, SlaMetric.ACCEPTANCE));
  }

  private static DurationStats business(FactReader r, ReportPeriod p, SlaMetric metric) {
    return Queries.stats(r, FactTable.CLOCKS, FactField.CLOCK_BUSINESS_TIME,
        eq(FactField.CLOCK_METRIC, metric),
        in(FactField.CLOCK_STOPPED_AT, p.startInclusive(), p.endExclusive()));
  }

  static Filter[] finished(ReportPeriod p, Instant asOf) {
    return new Filter[] {in(FactField.CLOSED_AT, p.startInclusive(), p.endExclusive()),
        eq(FactField.CLOSE_KIND, CloseKind.CLOSED),
        new Filter.NotBefore(FactField.REOPENED_AT, asOf)};
  }

  static FirstContactResolution fcr(FactReader r, ReportPeriod p, Instant asOf) {
    Map<String, Long> split = Queries.countBy(r, FactTable.CYCLES,
        by(FactField.FIRST_CONTACT_RESOLUTION), finished(p, asOf));
    long closed = Queries.sum(split);
    long yes = split.getOrDefault("true", 0L);
    return new FirstContactResolution(closed, yes, Queries.ratio(yes, closed));
  }

  static Rework rework(FactReader r, ReportPeriod p, long resolved) {
    long reopens = Queries.count(r, FactTable.CYCLES,
        in(FactField.REOPENED_AT, p.startInclusive(), p.endExclusive()));
    long escalated = Queries.count(r, FactTable.CYCLES,
        in(FactField.ESCALATED_AT, p.startInclusive(), p.endExclusive()));
    return new Rework(reopens, Queries.ratio(reopens, resolved), escalated);
  }
}
