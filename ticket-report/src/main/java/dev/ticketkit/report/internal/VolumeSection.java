package dev.ticketkit.report.internal;

import static dev.ticketkit.report.internal.Queries.by;
import static dev.ticketkit.report.internal.Queries.eq;
import static dev.ticketkit.report.internal.Queries.in;

import dev.ticketkit.core.Priority;
import dev.ticketkit.report.AgingBucket;
import dev.ticketkit.report.Backlog;
import dev.ticketkit.report.Count;
import dev.ticketkit.report.ReportPeriod;
import dev.ticketkit.report.Volume;
import dev.ticketkit.report.source.CloseKind;
import dev.ticketkit.report.source.Dimension;
import dev.ticketkit.report.source.FactField;
import dev.ticketkit.report.source.FactTable;
import dev.ticketkit.report.source.Filter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/** Computes the volume and backlog sections. Stateless and thread-safe. */
final class VolumeSection {

  private VolumeSection() {}

  static Filter[] received(ReportPeriod p) {
    return new Filter[] {in(FactField.TICKET_CREATED_AT, p.startInclusive(), p.endExclusive()),
        eq(FactField.CYCLE, 1)};
  }

  static Supplier<Volume> volume(QueryBatch b, ReportPeriod p, boolean details) {
    Filter[] received = received(p);
    Supplier<Map<String, Long>> channels = Queries.countBy(b, FactTable.CYCLES,
        by(FactField.CHANNEL), received);
    Supplier<Map<String, Long>> paths = Queries.countBy(b, FactTable.CYCLES,
        by(FactField.CATEGORY), received);
    Supplier<Map<String, Long>> priorities = Queries.countBy(b, FactTable.CYCLES,
        by(FactField.PRIORITY), received);
    Supplier<Map<String, Long>> quarterHours = details ? Queries.countBy(b, FactTable.CYCLES,
        new Dimension.QuarterHour(FactField.TICKET_CREATED_AT), received) : Map::of;
    Supplier<Map<String, Long>> closeKinds = Queries.countBy(b, FactTable.CYCLES,
        by(FactField.CLOSE_KIND), in(FactField.CLOSED_AT, p.startInclusive(), p.endExclusive()));
    LongSupplier resolved = Queries.count(b, FactTable.CYCLES,
        in(FactField.RESOLVED_AT, p.startInclusive(), p.endExclusive()));
    return () -> {
      Map<String, Long> byChannel = channels.get();
      Map<String, Long> byPath = paths.get();
      Map<String, Long> quarters = quarterHours.get();
      Map<String, Long> closes = closeKinds.get();
      return new Volume(Queries.sum(byChannel), Queries.shares(byChannel),
          Queries.shares(topLevel(byPath)), Queries.shares(byPath),
          priorities(priorities.get()), LocalBuckets.byDay(quarters, p),
          LocalBuckets.byHourOfWeek(quarters, p), resolved.getAsLong(),
          closes.getOrDefault(CloseKind.CLOSED.name(), 0L),
          closes.getOrDefault(CloseKind.CANCELLED.name(), 0L),
          closes.getOrDefault(CloseKind.MERGED.name(), 0L));
    };
  }

  static Map<String, Long> topLevel(Map<String, Long> byPath) {
    Map<String, Long> out = new LinkedHashMap<>();
    byPath.forEach((path, n) -> {
      int slash = path.indexOf('/');
      out.merge(slash < 0 ? path : path.substring(0, slash), n, Long::sum);
    });
    return out;
  }

  static List<Count> priorities(Map<String, Long> byPriority) {
    long total = Queries.sum(byPriority);
    List<Count> out = new ArrayList<>();
    for (Priority pr : Priority.values()) {
      long n = byPriority.getOrDefault(pr.name(), 0L);
      Double share = Queries.ratio(n, total);
      out.add(new Count(pr.name(), n, share == null ? 0 : share));
    }
    return out;
  }

  static Filter[] open(Instant at) {
    return new Filter[] {new Filter.Before(FactField.STARTED_AT, at),
        new Filter.NotBefore(FactField.WORK_ENDED_AT, at)};
  }

  static Supplier<Backlog> backlog(QueryBatch b, Instant at, List<Duration> bounds) {
    Filter[] open = open(at);
    Supplier<Map<String, Long>> ageDays = Queries.countBy(b, FactTable.CYCLES,
        new Dimension.AgeDays(FactField.TICKET_CREATED_AT, at), open);
    Supplier<Map<String, Long>> priorities = Queries.countBy(b, FactTable.CYCLES,
        by(FactField.PRIORITY), open);
    return () -> {
      Map<String, Long> byPriority = priorities.get();
      long[] counts = new long[bounds.size() + 1];
      ageDays.get().forEach((days, n) -> counts[bucket(Long.parseLong(days), bounds)] += n);
      List<AgingBucket> aging = new ArrayList<>();
      for (int i = 0; i <= bounds.size(); i++) {
        Duration from = i == 0 ? Duration.ZERO : bounds.get(i - 1);
        aging.add(new AgingBucket(from, i < bounds.size() ? bounds.get(i) : null, counts[i]));
      }
      return new Backlog(at, Queries.sum(byPriority), aging, priorities(byPriority));
    };
  }

  private static int bucket(long days, List<Duration> bounds) {
    for (int i = 0; i < bounds.size(); i++) {
      if (days < bounds.get(i).toDays()) {
        return i;
      }
    }
    return bounds.size();
  }
}
