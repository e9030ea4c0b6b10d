package dev.ticketkit.testkit.kb;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Runs the relevance set's queries through a search and measures it: per query kind recall@1,
 * recall@3, MRR over the first ten hits and nDCG@5 (binary gains, every listed article relevant);
 * for no-answer queries the share flagged "no confident answer", and for answerable ones the
 * share wrongly flagged. Not thread-safe; one per evaluation.
 */
public final class RelevanceReport {

  /** What a search returned for one query: keys best first, and its confident-answer flag. */
  public record Ranked(List<String> keys, @Nullable Boolean confident) {
    /** Checks that the parts are present. */
    public Ranked {
      Objects.requireNonNull(keys, "keys");
    }
  }

  /** The measures of one kind of query. */
  public record Measures(int queries, double recallAt1, double recallAt3, double mrr,
      double ndcgAt5, double flagged) {}

  private final String name;
  private final Map<String, List<double[]>> byKind = new LinkedHashMap<>();
  private final List<String> misses = new ArrayList<>();
  private int answerable;
  private int answerableFlagged;
  private int noAnswer;
  private int noAnswerFlagged;

  private RelevanceReport(String name) {
    this.name = name;
  }

  /**
   * Measures a search over some queries of the set.
   *
   * @param name the search's name in the table
   * @param queries the queries
   * @param search the search
   * @return the report
   */
  public static RelevanceReport measure(String name, List<RelevanceSet.Query> queries,
      Function<String, Ranked> search) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(search, "search");
    RelevanceReport report = new RelevanceReport(name);
    for (RelevanceSet.Query query : queries) {
      report.add(query, search.apply(query.text()));
    }
    return report;
  }

  private void add(RelevanceSet.Query query, Ranked ranked) {
    boolean flagged = ranked.confident() != null && !ranked.confident();
    if (query.noAnswer()) {
      noAnswer++;
      noAnswerFlagged += flagged ? 1 : 0;
      byKind.computeIfAbsent(query.kind(), k -> new ArrayList<>())
          .add(new double[] {0, 0, 0, 0, flagged ? 1 : 0});
      return;
    }
    answerable++;
    answerableFlagged += flagged ? 1 : 0;
    int rank = 0;
    double dcg = 0;
    for (int i = 0; i < Math.min(10, ranked.keys().size()); i++) {
      if (query.expected().contains(ranked.keys().get(i))) {
        rank = rank == 0 ? i + 1 : rank;
        dcg += i < 5 ? 1 / log2(i + 2) : 0;
      }
    }
    double ideal = 0;
    for (int i = 0; i < Math.min(5, query.expected().size()); i++) {
      ideal += 1 / log2(i + 2);
    }
    if (rank == 0 || rank > 3) {
      misses.add(query.kind() + ":" + query.text() + "->" + rank);
    }
    byKind.computeIfAbsent(query.kind(), k -> new ArrayList<>()).add(new double[] {
        rank == 1 ? 1 : 0, rank >= 1 && rank <= 3 ? 1 : 0, rank == 0 ? 0 : 1.0 / rank,
        dcg / ideal, flagged ? 1 : 0});
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /** Returns the measures per kind, in first-seen order, plus "all answerable". */
  public Map<String, Measures> measures() {
    Map<String, Measures> all = new LinkedHashMap<>();
    List<double[]> answerableRows = new ArrayList<>();
    byKind.forEach((kind, rows) -> {
      all.put(kind, average(rows));
      if (!kind.equals("noanswer")) {
        answerableRows.addAll(rows);
      }
    });
    all.put("all answerable", average(answerableRows));
    return all;
  }

  private static Measures average(List<double[]> rows) {
    double[] sum = new double[5];
    rows.forEach(r -> {
      for (int i = 0; i < 5; i++) {
        sum[i] += r[i];
      }
    });
    int n = Math.max(1, rows.size());
    return new Measures(rows.size(), sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n, sum[4] / n);
  }

  /** Returns the overall recall@3 of answerable queries. */
  public double recallAt3() {
    return measures().get("all answerable").recallAt3();
  }

  /** Returns the share of no-answer queries flagged as having no confident answer. */
  public double noAnswerFlagged() {
    return noAnswer == 0 ? 0 : (double) noAnswerFlagged / noAnswer;
  }

  /** Returns the share of answerable queries wrongly flagged as having no confident answer. */
  public double answerableFlagged() {
    return answerable == 0 ? 0 : (double) answerableFlagged / answerable;
  }

  /** Returns the answerable queries whose first right article is not in the top 3. */
  public List<String> misses() {
    return misses;
  }

  /** Returns the name. */
  public String name() {
    return name;
  }

  /**
   * Formats reports as one Markdown table: a row per search and kind.
   *
   * @param reports the reports
   * @return the table
   */
  public static String table(List<RelevanceReport> reports) {
    StringBuilder out = new StringBuilder(
        "| search | kind | queries | recall@1 | recall@3 | MRR | nDCG@5 |\n"
            + "| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
    for (RelevanceReport report : reports) {
      report.measures().forEach((kind, m) -> {
        if (!kind.equals("noanswer")) {
          out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f |%n",
              report.name, kind, m.queries(), m.recallAt1(), m.recallAt3(), m.mrr(), m.ndcgAt5()));
        }
      });
    }
    out.append("\n| search | no-answer queries flagged | answerable queries wrongly flagged |\n"
        + "| --- | ---: | ---: |\n");
    for (RelevanceReport report : reports) {
      out.append(report.noAnswer == 0 || report.byKind.isEmpty() ? "" : String.format(Locale.ROOT,
          "| %s | %s | %s |%n", report.name, flag(report, true), flag(report, false)));
    }
    return out.toString();
  }

  private static String flag(RelevanceReport report, boolean noAnswerQueries) {
    int n = noAnswerQueries ? report.noAnswer : report.answerable;
    int f = noAnswerQueries ? report.noAnswerFlagged : report.answerableFlagged;
    return String.format(Locale.ROOT, "%.3f (%d of %d)", n == 0 ? 0.0 : (double) f / n, f, n);
  }
}
