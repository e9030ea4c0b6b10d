package dev.ticketkit.testkit.report;

import dev.ticketkit.core.ActorKind;
import dev.ticketkit.core.ConversationEntry;
import dev.ticketkit.core.Ticket;
import dev.ticketkit.report.AgingBucket;
import dev.ticketkit.report.DurationStats;
import dev.ticketkit.report.ReportPeriod;
import dev.ticketkit.sla.clock.ClockState;
import dev.ticketkit.sla.clock.SlaClock;
import dev.ticketkit.sla.clock.SlaMetric;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The report's figures for one period, counted the obvious way from a {@link HistoryOracle}.
 * Not thread-safe.
 */
final class OracleFigures {

  private final HistoryOracle o;
  private final ReportPeriod p;
  private final Instant asOf;

  OracleFigures(HistoryOracle o, ReportPeriod p, Instant asOf) {
    this.o = o;
    this.p = p;
    this.asOf = asOf;
  }

  List<Ticket> received() {
    return o.lives().stream().map(HistoryOracle.Life::latest)
        .filter(t -> p.contains(t.createdAt())).toList();
  }

  Map<String, Long> countBy(List<Ticket> tickets, Function<Ticket, String> key) {
    Map<String, Long> out = new TreeMap<>();
    tickets.forEach(t -> out.merge(key.apply(t), 1L, Long::sum));
    return out;
  }

  Map<LocalDate, Long> receivedByDay() {
    Map<LocalDate, Long> out = new TreeMap<>();
    received().forEach(t -> out.merge(t.createdAt().atZone(p.zone()).toLocalDate(), 1L,
        Long::sum));
    return out;
  }

  List<HistoryOracle.Resolution> resolved() {
    return o.resolutions().stream().filter(r -> p.contains(r.at())).toList();
  }

  long closings(String stateName) {
    return o.closings().stream().filter(c -> p.contains(c.after().updatedAt())
        && c.after().status().name().equals(stateName)).count();
  }

  long firstContact() {
    return o.closings().stream().filter(c -> p.contains(c.after().updatedAt())
        && HistoryOracle.firstContact(c)).count();
  }

  List<Ticket> backlog() {
    List<Ticket> out = new ArrayList<>();
    for (HistoryOracle.Life l : o.lives()) {
      Ticket then = l.at(asOf);
      if (then != null && then.status().category().isActive()) {
        out.add(then);
      }
    }
    return out;
  }

  List<Long> aging(List<AgingBucket> buckets) {
    List<Long> out = new ArrayList<>();
    for (AgingBucket b : buckets) {
      out.add(backlog().stream().filter(t -> {
        long days = Duration.between(t.createdAt(), asOf).toDays();
        return days >= b.fromInclusive().toDays()
            && (b.toExclusive() == null || days < b.toExclusive().toDays());
      }).count());
    }
    return out;
  }

  DurationStats resolutionStats() {
    return stats(resolved().stream().map(HistoryOracle.Resolution::took).toList());
  }

  DurationStats firstReplyStats() {
    List<Duration> took = new ArrayList<>();
    for (HistoryOracle.Life l : o.lives()) {
      int cycles = l.latest().cycle();
      for (int c = 1; c <= cycles; c++) {
        Instant start = l.cycleStart(c);
        Instant end = c < cycles ? l.cycleStart(c + 1) : Instant.MAX;
        for (ConversationEntry e : l.replies()) {
          if (e.author().kind() == ActorKind.AGENT && !e.at().isBefore(start)
              && e.at().isBefore(end)) {
            if (p.contains(e.at())) {
              took.add(Duration.between(start, e.at()));
            }
            break;
          }
        }
      }
    }
    return stats(took);
  }

  private static DurationStats stats(List<Duration> values) {
    if (values.isEmpty()) {
      return DurationStats.NONE;
    }
    return new DurationStats(values.size(), HistoryOracle.mean(values),
        HistoryOracle.percentile(values, 0.5), HistoryOracle.percentile(values, 0.9));
  }

  String ratings() {
    long[] n = new long[3];
    o.ratings().stream().filter(r -> p.contains(r.at()))
        .forEach(r -> n[r.satisfaction().ordinal()]++);
    return n[0] + "/" + n[1] + "/" + n[2];
  }

  /**
   * DISSATISFIED ratings given in the period by reason code, read from the history's rating
   * entries (a DISSATISFIED rating reopens the ticket in the same change, which clears it from
   * the snapshot but not from the history).
   */
  java.util.Map<String, Long> dissatisfiedByReason() {
    java.util.Map<String, Long> out = new java.util.TreeMap<>();
    for (HistoryOracle.Life l : o.lives()) {
      for (dev.ticketkit.core.HistoryEntry e : l.history()) {
        if (e.field().equals(dev.ticketkit.core.TicketField.RATING) && e.after() != null
            && p.contains(e.at())) {
          dev.ticketkit.core.Rating r = dev.ticketkit.core.Rating.parse(e.after());
          if (r.reason() != null) {
            out.merge(r.reason().code(), 1L, Long::sum);
          }
        }
      }
    }
    return out;
  }

  long reopens() {
    long n = 0;
    for (HistoryOracle.Life l : o.lives()) {
      for (Ticket[] s : l.steps()) {
        n += s[1].cycle() > s[0].cycle() && p.contains(s[1].updatedAt()) ? 1 : 0;
      }
    }
    return n;
  }

  String sla(SlaMetric metric) {
    long met = 0;
    long breached = 0;
    long running = 0;
    for (HistoryOracle.Life l : o.lives()) {
      for (SlaClock c : l.clocks()) {
        if (c.key().metric() != metric || !p.contains(c.startedAt())) {
          continue;
        }
        boolean stopped = c.stoppedAt() != null && c.stoppedAt().isBefore(asOf);
        if ((c.state() == ClockState.BREACHED || c.state() == ClockState.RUNNING)
            && c.dueAt() != null && c.dueAt().isBefore(asOf)) {
          breached++;
        } else if (stopped && c.state() == ClockState.MET) {
          met++;
        } else if (!(stopped && c.state() == ClockState.CANCELLED)) {
          running++;
        }
      }
    }
    return met + "/" + breached + "/" + running;
  }

  long breaches() {
    long n = 0;
    for (HistoryOracle.Life l : o.lives()) {
      for (SlaClock c : l.clocks()) {
        if ((c.state() == ClockState.BREACHED || c.state() == ClockState.RUNNING)
            && c.dueAt() != null && p.contains(c.dueAt()) && c.dueAt().isBefore(asOf)) {
          n++;
        }
      }
    }
    return n;
  }

  Map<String, Long> escalations() {
    Map<String, Long> out = new TreeMap<>();
    for (HistoryOracle.Life l : o.lives()) {
      for (HistoryOracle.Fired f : l.fired()) {
        if (p.contains(f.firedAt())) {
          out.merge(f.clock().metric() + "#" + f.level(), 1L, Long::sum);
        }
      }
    }
    return out;
  }

  Map<String, Long> resolvedByAgent() {
    Map<String, Long> out = new TreeMap<>();
    resolved().forEach(r -> out.merge(r.agent(), 1L, Long::sum));
    return out;
  }
}
