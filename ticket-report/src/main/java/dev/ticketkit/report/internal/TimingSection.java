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
import dev.ticketkit.report.source.FactTable;
import dev.ticketkit.report.source.Filter;
import dev.ticketkit.sla.clock.SlaMetric;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** Computes timings, first-contact resolution and rework. Stateless and thread-safe. */
final class TimingSection {

  private TimingSection() {}

  static Supplier<Timings> timings(QueryBatch b, ReportPeriod p) {
    Filter resolved = in(FactField.RESOLVED_AT, p.startInclusive(), p.endExclusive());
    Supplier<DurationStats> all = Queries.stats(b, FactTable.CYCLES, FactField.RESOLUTION_TIME,
        resolved);
    Supplier<DurationStats> first = Queries.stats(b, FactTable.CYCLES, FactField.RESOLUTION_TIME,
        resolved, eq(FactField.CYCLE, 1));
    Supplier<DurationStats> later = Queries.stats(b, FactTable.CYCLES, FactField.RESOLUTION_TIME,
        resolved, new Filter.NotEqual(FactField.CYCLE, "1"));
    Supplier<DurationStats> reply = Queries.stats(b, FactTable.CYCLES, FactField.FIRST_REPLY_TIME,
        in(FactField.FIRST_REPLY_AT, p.startInclusive(), p.endExclusive()));
    Supplier<DurationStats> accept = Queries.stats(b, FactTable.CYCLES,
        FactField.ACCEPTANCE_TIME, in(FactField.ACCEPTED_AT, p.startInclusive(),
            p.endExclusive()));
    Supplier<DurationStats> resolution = business(b, p, SlaMetric.RESOLUTION);
    Supplier<DurationStats> response = business(b, p, SlaMetric.FIRST_RESPONSE);
    Supplier<DurationStats> acceptance = business(b, p, SlaMetric.ACCEPTANCE);
    return () -> new Timings(all.get(), first.get(), later.get(), resolution.get(), reply.get(),
        response.get(), accept.get(), acceptance.get());
  }

  private static Supplier<DurationStats> business(QueryBatch b, ReportPeriod p,
      SlaMetric metric) {
    return Queries.stats(b, FactTable.CLOCKS, FactField.CLOCK_BUSINESS_TIME,
        eq(FactField.CLOCK_METRIC, metric),
        in(FactField.CLOCK_STOPPED_AT, p.startInclusive(), p.endExclusive()));
  }

  static Filter[] finished(ReportPeriod p, Instant asOf) {
    return new Filter[] {in(FactField.CLOSED_AT, p.startInclusive(), p.endExclusive()),
        eq(FactField.CLOSE_KIND, CloseKind.CLOSED),
        new Filter.NotBefore(FactField.REOPENED_AT, asOf)};
  }

  static Supplier<FirstContactResolution> fcr(QueryBatch b, ReportPeriod p, Instant asOf) {
    Supplier<Map<String, Long>> splits = Queries.countBy(b, FactTable.CYCLES,
        by(FactField.FIRST_CONTACT_RESOLUTION), finished(p, asOf));
    return () -> {
      Map<String, Long> split = splits.get();
      long closed = Queries.sum(split);
      long yes = split.getOrDefault("true", 0L);
      return new FirstContactResolution(closed, yes, Queries.ratio(yes, closed));
    };
  }

  static Function<Long, Rework> rework(QueryBatch b, ReportPeriod p) {
    LongSupplier reopens = Queries.count(b, FactTable.CYCLES,
        in(FactField.REOPENED_AT, p.startInclusive(), p.endExclusive()));
    LongSupplier escalated = Queries.count(b, FactTable.CYCLES,
        in(FactField.ESCALATED_AT, p.startInclusive(), p.endExclusive()));
    return resolved -> new Rework(reopens.getAsLong(),
        Queries.ratio(reopens.getAsLong(), resolved), escalated.getAsLong());
  }
}
