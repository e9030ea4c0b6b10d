package dev.ticketkit.kb.search;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.semantic.BgeSmallZhEmbedding;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.testkit.kb.LogisticFit;
import dev.ticketkit.testkit.kb.RelevanceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Refits the confident-answer models of {@link Relevance} and prints them with their flag rates.
 * Since the fifth pass (docs/benchmarks.md, issue 16) the models are fitted on the pool of the
 * three tuning sets (the relevance set, both halves; the fresh set; the check set: 128 no-answer
 * and 365 answerable queries), and checked set by set, leaving each set out in turn (fitted and
 * cut on the other two, applied to it). The held-out set ({@code heldout-queries.txt}) is
 * printed only with {@code -Dkb.final=true}, the sixth-pass set ({@code sixth-queries.txt})
 * only with {@code -Dkb.sixth=true}, for models already chosen. Also prints the shipped
 * model's flag rates per set and at several thresholds; optionally writes every query's
 * first-hit features to a TSV file. Runs only when asked:
 * {@code mvn -pl ticket-kb-semantic -am test -Dtest=RelevanceCalibrationTest
 * -Dkb.calibration=true [-Dkb.final=true] [-Dkb.sixth=true] [-Dkb.calibration.out=/tmp/features.tsv]
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RelevanceCalibrationTest {

  /**
   * The L2 penalty on standardised coefficients: of {@link #LAMBDAS}, the one with the lowest
   * cross-validated log-loss on the pool (printed), for both modes.
   */
  static final double LAMBDA = 3.0;
  static final double[] LAMBDAS = {0.3, 1, 3, 10};
  /** The largest share of answerable queries the cut may flag (exclusive). */
  static final double MAX_WRONG = 0.05;
  /** Fresh queries get line numbers from here, apart from the relevance set's. */
  static final int FRESH = 100_000;
  /** Check queries (kbna round) get line numbers from here. */
  static final int CHECK = 200_000;
  /** Held-out queries (fifth pass) get line numbers from here. */
  static final int HELDOUT = 300_000;
  /** Sixth-pass queries get line numbers from here. */
  static final int SIXTH = 400_000;
  record Row(RelevanceSet.Query query, double[] inputs, String line) {}

  @Test
  @EnabledIfSystemProperty(named = "kb.calibration", matches = "true")
  void calibrate() throws IOException {
    boolean fin = Boolean.getBoolean("kb.final");
    boolean sixth = Boolean.getBoolean("kb.sixth");
    TenantId tenant = TenantId.of("eval");
    BgeSmallZhEmbedding model = BgeSmallZhEmbedding.load();
    List<String> tsv = new ArrayList<>();
    tsv.add("mode\tline\tkind\tanswerable\tcorrect\twords\tchars\tpinyin\tcosine\tgap"
        + "\tunknown\tmissing");
    for (boolean hybrid : new boolean[] {false, true}) {
      String mode = hybrid ? "hybrid" : "lexical";
      SearchSettings settings = hybrid
          ? SearchSettings.defaults().withEmbedding(model) : SearchSettings.defaults();
      LuceneArticleIndex index = LuceneArticleIndex.inMemory(settings);
      KnowledgeBase kb = KnowledgeBase.builder(new MutableClock(Instant.parse(
          "2026-11-30T09:00:00Z"))).index(index).build();
      Map<ArticleId, String> keys = new HashMap<>();
      RelevanceSet.publish(kb, tenant).forEach((k, id) -> keys.put(id, k));
      List<Row> rows = new ArrayList<>();
      List<RelevanceSet.Query> queries = new ArrayList<>(RelevanceSet.queries());
      for (RelevanceSet.Query f : RelevanceSet.freshQueries()) {
        queries.add(new RelevanceSet.Query(f.kind(), f.text(), f.expected(), FRESH + f.line()));
      }
      for (RelevanceSet.Query c : RelevanceSet.checkQueries()) {
        queries.add(new RelevanceSet.Query(c.kind(), c.text(), c.expected(), CHECK + c.line()));
      }
      if (fin) {
        for (RelevanceSet.Query h : RelevanceSet.heldoutQueries()) {
          queries.add(new RelevanceSet.Query(h.kind(), h.text(), h.expected(),
              HELDOUT + h.line()));
        }
      }
      if (sixth) {
        for (RelevanceSet.Query h : RelevanceSet.sixthQueries()) {
          queries.add(new RelevanceSet.Query(h.kind(), h.text(), h.expected(),
              SIXTH + h.line()));
        }
      }
      for (RelevanceSet.Query q : queries) {
        SearchRequest request = SearchRequest.of(tenant, q.text()).withSnippets(false);
        List<Relevance.Features> f = index.features(request);
        if (f.isEmpty()) {
          rows.add(new Row(q, null, null));
          continue;
        }
        List<ArticleId> ids = kb.search(request).ids();
        Relevance.Features top = f.get(0);
        Relevance.Features[] all = f.toArray(Relevance.Features[]::new);
        double gap = Relevance.gap(all, 0);
        String line = String.format(Locale.ROOT,
            "%s\t%d\t%s\t%d\t%d\t%.4f\t%.4f\t%.4f\t%.4f\t%.4f\t%.3f\t%.4f", mode,
            q.line(), q.kind(), q.noAnswer() ? 0 : 1,
            q.expected().contains(keys.get(ids.get(0))) ? 1 : 0, top.words(), top.characters(),
            top.pinyin(), top.cosine(), gap, top.unknown(), top.missing());
        rows.add(new Row(q, Relevance.inputs(top, gap, hybrid), line));
        tsv.add(line);
      }
      index.close();
      List<Half> pool = List.of(Half.CALIBRATION, Half.HELD_OUT, Half.FRESH, Half.CHECK);
      for (double lambda : LAMBDAS) {
        System.out.printf(Locale.ROOT, "[kb-calibration] %s penalty %.1f: 5-fold cross-validated"
            + " log-loss on the pool %.4f%n", mode, lambda, LogisticFit.crossValidatedLogLoss(
                inputs(rows, pool), labels(rows, pool), lambda, 5, 5));
      }
      LogisticFit.Model fitted = fit(rows, pool);
      Relevance.Model m = hybrid ? Relevance.HYBRID_MODEL : Relevance.LEXICAL_MODEL;
      LogisticFit.Model shipped = new LogisticFit.Model(m.weights(), m.intercept(), m.cut());
      System.out.println("[kb-calibration] " + mode + " refit on the pool: " + fitted);
      System.out.println("[kb-calibration] " + mode + " shipped: " + shipped);
      for (Half half : Half.values()) {
        if (half == Half.HELDOUT_SET && !fin || half == Half.SIXTH_SET && !sixth) {
          continue;
        }
        System.out.println("[kb-calibration] " + mode + " " + half.label + ": refit "
            + rates(rows, fitted, Set.of(half), 0) + "; shipped "
            + rates(rows, shipped, Set.of(half), 0));
      }
      // Each tuning set scored by the model fitted and cut on the other two.
      int[] sum = new int[4];
      for (Set<Half> out : List.of(Set.of(Half.CALIBRATION, Half.HELD_OUT), Set.of(Half.FRESH),
          Set.of(Half.CHECK))) {
        List<Half> rest = pool.stream().filter(h -> !out.contains(h)).toList();
        LogisticFit.Model left = fit(rows, rest);
        int[] c = counts(rows, left, out, 0);
        for (int i = 0; i < 4; i++) {
          sum[i] += c[i];
        }
        System.out.println("[kb-calibration] " + mode + " left out " + out + ": "
            + format(c) + " (fitted on " + rest + ": " + left + ")");
      }
      System.out.println("[kb-calibration] " + mode + " each tuning set left out in turn: "
          + format(sum));
      // The operating curve of the shipped model: a host's threshold t moves the cut by
      // ln(t / (1 - t)).
      for (double t : new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.8}) {
        double shift = Math.log(t / (1 - t));
        System.out.printf(Locale.ROOT, "[kb-calibration] %s shipped at threshold %.1f: relevance"
            + " set %s; fresh %s; check %s%s%s%n", mode, t,
            rates(rows, shipped, Set.of(Half.CALIBRATION, Half.HELD_OUT), shift),
            rates(rows, shipped, Set.of(Half.FRESH), shift),
            rates(rows, shipped, Set.of(Half.CHECK), shift),
            fin ? "; held-out set " + rates(rows, shipped, Set.of(Half.HELDOUT_SET), shift) : "",
            sixth ? "; sixth-pass set " + rates(rows, shipped, Set.of(Half.SIXTH_SET), shift)
                : "");
      }
    }
    String out = System.getProperty("kb.calibration.out");
    if (out != null && !out.isBlank()) {
      Files.write(Path.of(out), tsv);
    }
  }

  /** The part of the queries a row belongs to. */
  enum Half {
    CALIBRATION("calibration half"), HELD_OUT("held-out half"), FRESH("fresh set"),
    CHECK("check set"), HELDOUT_SET("held-out set (fifth pass)"),
    SIXTH_SET("sixth-pass set");

    final String label;

    Half(String label) {
      this.label = label;
    }
  }

  static Half half(Row row) {
    int line = row.query().line();
    return line >= SIXTH ? Half.SIXTH_SET : line >= HELDOUT ? Half.HELDOUT_SET
        : line >= CHECK ? Half.CHECK
        : line >= FRESH ? Half.FRESH
        : row.query().calibration() ? Half.CALIBRATION : Half.HELD_OUT;
  }

  private static List<double[]> inputs(List<Row> rows, List<Half> parts) {
    return rows.stream().filter(r -> r.inputs() != null && parts.contains(half(r)))
        .map(Row::inputs).toList();
  }

  private static List<Boolean> labels(List<Row> rows, List<Half> parts) {
    return rows.stream().filter(r -> r.inputs() != null && parts.contains(half(r)))
        .map(r -> !r.query().noAnswer()).toList();
  }

  /** Fitted with {@link #LAMBDA} and cut under {@link #MAX_WRONG} on the given parts. */
  private static LogisticFit.Model fit(List<Row> rows, List<Half> parts) {
    List<double[]> x = inputs(rows, parts);
    List<Boolean> y = labels(rows, parts);
    return LogisticFit.withCut(LogisticFit.fit(x, y, LAMBDA), x, y, MAX_WRONG);
  }

  /** No-answer flagged, no-answer, answerable flagged, answerable over some parts. */
  private static int[] counts(List<Row> rows, LogisticFit.Model model, Set<Half> parts,
      double shift) {
    int[] c = new int[4];
    for (Row row : rows) {
      if (!parts.contains(half(row))) {
        continue;
      }
      // No hit, or a first hit sharing no word, character or pinyin pair with the query
      // (relevance 0 in Relevance.of), is flagged whatever the model says.
      boolean flagged = row.inputs() == null || row.inputs()[0] == 0
          || model.logOdds(row.inputs()) < model.cut() + shift;
      int base = row.query().noAnswer() ? 0 : 2;
      c[base] += flagged ? 1 : 0;
      c[base + 1]++;
    }
    return c;
  }

  private static String format(int[] c) {
    return String.format(Locale.ROOT, "no-answer flagged %.3f (%d of %d), answerable flagged"
        + " %.3f (%d of %d)", (double) c[0] / c[1], c[0], c[1], (double) c[2] / c[3], c[2], c[3]);
  }

  private static String rates(List<Row> rows, LogisticFit.Model model, Set<Half> parts,
      double shift) {
    return format(counts(rows, model, parts, shift));
  }
}
