package dev.ticketkit.report.internal;

import static dev.ticketkit.report.internal.Queries.by;
import static dev.ticketkit.report.internal.Queries.in;

import dev.ticketkit.core.Priority;
import dev.ticketkit.report.EscalationCount;
import dev.ticketkit.report.ReportPeriod;
import dev.ticketkit.report.SlaCompliance;
import dev.ticketkit.report.SlaFigures;
import dev.ticketkit.report.source.AggregateRow;
import dev.ticketkit.report.source.Dimension;
import dev.ticketkit.report.source.FactQuery;
import dev.ticketkit.report.source.Measure;
import dev.ticketkit.report.source.FactField;
import dev.ticketkit.report.source.FactTable;
import dev.ticketkit.report.source.Filter;
import dev.ticketkit.sla.clock.SlaMetric;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Computes the SLA section. Stateless and thread-safe. */
final class SlaSection {

  private SlaSection() {}

  static Supplier<SlaFigures> sla(QueryBatch b, ReportPeriod p, Instant asOf,
      boolean details) {
    Filter started = in(FactField.CLOCK_STARTED_AT, p.startInclusive(), p.endExclusive());
    Dimension metric = by(FactField.CLOCK_METRIC);
    Dimension priority = by(FactField.CLOCK_PRIORITY);
    Supplier<List<AggregateRow>> rows = b.add(new FactQuery(FactTable.CLOCKS, List.of(started),
        List.of(metric, priority), List.of(Measure.count(),
            new Measure.CountIf(new Filter.Before(FactField.CLOCK_MET_AT, asOf)),
            new Measure.CountIf(new Filter.Before(FactField.CLOCK_BREACHED_AT, asOf)),
            new Measure.CountIf(new Filter.Before(FactField.CLOCK_CANCELLED_AT, asOf)))));
    Filter breachedIn = in(FactField.CLOCK_BREACHED_AT, p.startInclusive(),
        min(p.endExclusive(), asOf));
    Supplier<Map<String, Long>> quarterHours = Queries.countBy(b, FactTable.CLOCKS,
        new Dimension.QuarterHour(FactField.CLOCK_BREACHED_AT), breachedIn);
    Supplier<List<EscalationCount>> escalations = escalations(b, p);
    return () -> figures(rows.get(), quarterHours.get(), escalations.get(), p, details);
  }

  private static SlaFigures figures(List<AggregateRow> rows, Map<String, Long> quarters,
      List<EscalationCount> escalations, ReportPeriod p, boolean details) {
    Map<String, Long> all = new java.util.HashMap<>();
    Map<String, Long> met = new java.util.HashMap<>();
    Map<String, Long> breached = new java.util.HashMap<>();
    Map<String, Long> cancelled = new java.util.HashMap<>();
    for (AggregateRow row : rows) {
      String k = Queries.key(row.key(0)) + "\t" + Queries.key(row.key(1));
      all.put(k, row.value(0));
      met.put(k, row.value(1));
      breached.put(k, row.value(2));
      cancelled.put(k, row.value(3));
    }
    List<SlaCompliance> byMetric = new ArrayList<>();
    List<SlaCompliance> byPriority = new ArrayList<>();
    long totalMet = 0;
    long totalBreached = 0;
    for (SlaMetric m : SlaMetric.values()) {
      long[] sum = new long[3];
      for (Priority pr : Priority.values()) {
        String k = m.name() + "\t" + pr.name();
        long a = all.getOrDefault(k, 0L);
        long me = met.getOrDefault(k, 0L);
        long br = breached.getOrDefault(k, 0L);
        long running = a - me - br - cancelled.getOrDefault(k, 0L);
        if (a > 0) {
          byPriority.add(line(m, pr.name(), me, br, running));
        }
        sum[0] += me;
        sum[1] += br;
        sum[2] += running;
      }
      if (m.isHandoff()) {
        // Department handoffs: listed when there are any, outside the tickets' compliance.
        if (sum[0] + sum[1] + sum[2] > 0) {
          byMetric.add(line(m, "*", sum[0], sum[1], sum[2]));
        }
        continue;
      }
      byMetric.add(line(m, "*", sum[0], sum[1], sum[2]));
      totalMet += sum[0];
      totalBreached += sum[1];
    }
    return new SlaFigures(byMetric, byPriority, Queries.ratio(totalMet, totalMet + totalBreached),
        Queries.sum(quarters), details ? LocalBuckets.byHourOfWeek(quarters, p) : List.of(),
        escalations);
  }

  static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static SlaCompliance line(SlaMetric m, String priority, long met, long breached,
      long running) {
    return new SlaCompliance(m, priority, met, breached, running,
        Queries.ratio(met, met + breached));
  }

  private static Supplier<List<EscalationCount>> escalations(QueryBatch b, ReportPeriod p) {
    Supplier<Map<String, Long>> fired = Queries.countBy2(b, FactTable.ESCALATIONS,
        by(FactField.ESCALATION_METRIC), by(FactField.ESCALATION_LEVEL),
        in(FactField.FIRED_AT, p.startInclusive(), p.endExclusive()));
    return () -> {
      List<EscalationCount> out = new ArrayList<>();
      fired.get().forEach((k, n) -> {
        String[] parts = k.split("\t");
        out.add(new EscalationCount(SlaMetric.valueOf(parts[0]), Integer.parseInt(parts[1]), n));
      });
      out.sort(Comparator.comparing(EscalationCount::metric)
          .thenComparingInt(EscalationCount::level));
      return out;
    };
  }
}
