package dev.ticketkit.report.internal;

import dev.ticketkit.report.DepartmentHandoffs;
import dev.ticketkit.report.ExampleTicket;
import dev.ticketkit.report.FollowUpFigures;
import dev.ticketkit.report.HandoffFigures;
import dev.ticketkit.report.ProblemFigures;
import dev.ticketkit.report.ProcessFigures;
import dev.ticketkit.report.RatingRequestFigures;
import dev.ticketkit.report.TopProblem;
import dev.ticketkit.report.source.ProcessQuery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * Computes the support-process figures from process facts in memory, as the SQL source computes
 * them in the database: the definitions are those of {@link ProcessFigures}' parts. Instants are
 * compared as instants, durations taken in whole milliseconds between the instants' epoch
 * milliseconds (as the SQL rows keep them). Stateless and thread-safe.
 */
public final class ProcessMath {

  private ProcessMath() {}

  /**
   * Computes the figures.
   *
   * @param facts one tenant's process facts
   * @param q the query
   * @return the figures
   */
  public static ProcessFigures compute(List<ProcessFact> facts, ProcessQuery q) {
    List<ProcessFact> handoffs = new ArrayList<>();
    List<ProcessFact> gaps = new ArrayList<>();
    List<ProcessFact> problems = new ArrayList<>();
    List<ProcessFact> incidents = new ArrayList<>();
    List<ProcessFact> requests = new ArrayList<>();
    for (ProcessFact f : facts) {
      switch (f.kind()) {
        case HANDOFF -> handoffs.add(f);
        case FOLLOW_UP -> gaps.add(f);
        case PROBLEM -> problems.add(f);
        case INCIDENT -> incidents.add(f);
        case RATING_REQUEST -> requests.add(f);
        default -> throw new IllegalStateException(f.kind().name());
      }
    }
    return new ProcessFigures(handoffs(handoffs, q), followUps(gaps, q),
        problems(problems, incidents, q), ratings(requests, q));
  }

  static boolean inPeriod(Instant at, ProcessQuery q) {
    return !at.isBefore(q.startInclusive()) && at.isBefore(q.endExclusive());
  }

  static boolean closedBy(ProcessFact f, Instant asOf) {
    return f.closedAt() != null && f.closedAt().isBefore(asOf);
  }

  /** The running counts of one department. */
  private static final class Dept {
    long opened;
    long answered;
    long returned;
    final List<Long> responses = new ArrayList<>();

    DepartmentHandoffs row(String name) {
      long[] v = responses.stream().mapToLong(Long::longValue).toArray();
      return new DepartmentHandoffs(name, opened, answered, returned,
          opened - answered - returned, millis(Percentiles.of(v, v.length, 0.5)),
          millis(Percentiles.of(v, v.length, 0.9)));
    }
  }

  private static HandoffFigures handoffs(List<ProcessFact> rows, ProcessQuery q) {
    Dept all = new Dept();
    Map<String, Dept> by = new TreeMap<>();
    for (ProcessFact f : rows) {
      if (!inPeriod(f.openedAt(), q)) {
        continue;
      }
      String key = f.key() == null ? "" : f.key();
      for (Dept d : List.of(all, by.computeIfAbsent(key, k -> new Dept()))) {
        d.opened++;
        if (closedBy(f, q.asOf())) {
          if ("ANSWERED".equals(f.state())) {
            d.answered++;
          } else if ("RETURNED".equals(f.state())) {
            d.returned++;
          }
          d.responses.add(f.closedAt().toEpochMilli() - f.openedAt().toEpochMilli());
        }
      }
    }
    List<DepartmentHandoffs> out = new ArrayList<>();
    by.forEach((k, d) -> out.add(d.row(k)));
    out.sort(Comparator.comparingLong(DepartmentHandoffs::opened).reversed()
        .thenComparing(DepartmentHandoffs::department));
    return new HandoffFigures(all.row("*"), out);
  }

  private static FollowUpFigures followUps(List<ProcessFact> gaps, ProcessQuery q) {
    long c = q.followUpCadence().toMillis();
    long s = q.startInclusive().toEpochMilli();
    long a = q.asOf().toEpochMilli();
    long done = 0;
    long due = 0;
    long missed = 0;
    java.util.Set<Object> open = new java.util.HashSet<>();
    java.util.Set<Object> late = new java.util.HashSet<>();
    for (ProcessFact g : gaps) {
      if (!g.openedAt().isBefore(q.asOf())
          || (g.closedAt() != null && g.closedAt().isBefore(q.startInclusive()))) {
        continue;
      }
      long o = g.openedAt().toEpochMilli();
      @Nullable Long cl = closedBy(g, q.asOf()) ? g.closedAt().toEpochMilli() : null;
      if ("REPLY".equals(g.state()) && cl != null) {
        done++;
      }
      if (cl == null || cl > s) {
        open.add(g.ticketId());
      }
      if (o + c < a && (cl == null || (cl > s && cl > o + c))) {
        missed++;
        late.add(g.ticketId());
      }
      due += deadlines(o, cl == null ? a : cl, s, c);
    }
    long met = open.size() - late.size();
    return new FollowUpFigures(q.followUpCadence(), done, due, missed, open.size(), late.size(),
        met, Queries.ratio(met, open.size()));
  }

  /** The deadlines {@code o + k * c} (k >= 1) in {@code [s, u)}. */
  static long deadlines(long o, long u, long s, long c) {
    if (u <= o) {
      return 0;
    }
    long kMax = Math.floorDiv(u - o - 1, c);
    long kMin = o + c >= s ? 1 : Math.floorDiv(s - o - 1, c) + 1;
    return Math.max(0, kMax - kMin + 1);
  }

  private static ProblemFigures problems(List<ProcessFact> problems,
      List<ProcessFact> incidents, ProcessQuery q) {
    long opened = 0;
    long resolved = 0;
    long openAtEnd = 0;
    Map<String, ProcessFact> byKey = new HashMap<>();
    for (ProcessFact p : problems) {
      byKey.putIfAbsent(String.valueOf(p.key()), p);
      opened += inPeriod(p.openedAt(), q) ? 1 : 0;
      resolved += p.closedAt() != null && !p.closedAt().isBefore(q.startInclusive())
          && p.closedAt().isBefore(q.asOf()) ? 1 : 0;
      openAtEnd += p.openedAt().isBefore(q.asOf()) && !closedBy(p, q.asOf()) ? 1 : 0;
    }
    long linked = 0;
    Map<String, List<ProcessFact>> perProblem = new HashMap<>();
    for (ProcessFact i : incidents) {
      if (inPeriod(i.openedAt(), q)) {
        linked++;
        if (byKey.containsKey(String.valueOf(i.key()))) {
          perProblem.computeIfAbsent(String.valueOf(i.key()), k -> new ArrayList<>()).add(i);
        }
      }
    }
    List<TopProblem> top = new ArrayList<>();
    perProblem.forEach((key, list) -> {
      list.sort(Comparator.comparing(ProcessFact::openedAt).reversed()
          .thenComparing(Comparator.comparingLong(ProcessFact::ticketNumber).reversed()));
      List<ExampleTicket> ex = list.stream().limit(q.examples()).map(ProcessMath::example)
          .toList();
      top.add(new TopProblem(example(byKey.get(key)), list.size(), ex));
    });
    top.sort(Comparator.comparingLong(TopProblem::incidents).reversed()
        .thenComparingLong(t -> t.problem().number()));
    return new ProblemFigures(opened, resolved, openAtEnd, linked,
        top.subList(0, Math.min(q.topProblems(), top.size())));
  }

  private static ExampleTicket example(ProcessFact f) {
    return new ExampleTicket(f.ticketId(), f.ticketNumber(),
        f.subject() == null ? "" : f.subject());
  }

  private static RatingRequestFigures ratings(List<ProcessFact> requests, ProcessQuery q) {
    long sent = 0;
    long answered = 0;
    long expired = 0;
    for (ProcessFact r : requests) {
      if (inPeriod(r.openedAt(), q)) {
        sent++;
        if (closedBy(r, q.asOf())) {
          answered += "ANSWERED".equals(r.state()) ? 1 : 0;
          expired += "EXPIRED".equals(r.state()) ? 1 : 0;
        }
      }
    }
    return figures(sent, answered, expired);
  }

  /**
   * Builds the rating-request figures from the three counts.
   *
   * @param sent requests sent
   * @param answered of them answered
   * @param expired of them expired
   * @return the figures
   */
  public static RatingRequestFigures figures(long sent, long answered, long expired) {
    return new RatingRequestFigures(sent, answered, expired, sent - answered - expired,
        Queries.ratio(answered, sent), Queries.ratio(answered, answered + expired));
  }

  private static @Nullable Duration millis(@Nullable Long ms) {
    return ms == null ? null : Duration.ofMillis(ms);
  }
}
