package dev.ticketkit.kb.search;

import dev.ticketkit.core.TenantId;
import dev.ticketkit.kb.ArticleId;
import dev.ticketkit.kb.KnowledgeBase;
import dev.ticketkit.kb.semantic.BgeSmallZhEmbedding;
import dev.ticketkit.testkit.MutableClock;
import dev.ticketkit.testkit.kb.LogisticFit;
import dev.ticketkit.testkit.kb.RelevanceSet;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Refits the confident-answer models of {@link Relevance} on the calibration half of the relevance
 * set (queries on even lines) and prints them with their flag rates on both halves and on the
 * fresh query set (never fitted on), next to the shipped model's, the halves swapped, and the
 * shipped model's flag rates at several thresholds; optionally writes every query's first-hit features to a TSV file. Runs only
 * when asked:
 * {@code mvn -pl ticket-kb-semantic -am test -Dtest=RelevanceCalibrationTest -Dkb.calibration=true
 * [-Dkb.calibration.out=/tmp/features.tsv] -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class RelevanceCalibrationTest {

  /**
   * The L2 penalty on standardised coefficients: of {@link #LAMBDAS}, the one with the lowest
   * cross-validated log-loss on the calibration half (printed), for both modes.
   */
  static final double LAMBDA = 3.0;
  static final double[] LAMBDAS = {0.3, 1, 3, 10};
  /** The largest share of answerable queries the cut may flag (exclusive). */
  static final double MAX_WRONG = 0.05;
  /** Fresh queries get line numbers from here, apart from the relevance set's. */
  static final int FRESH = 100_000;
  /** Check queries (kbna round) get line numbers from here. */
  static final int CHECK = 200_000;

  record Row(RelevanceSet.Query query, double[] inputs, String line) {}

  @Test
  @EnabledIfSystemProperty(named = "kb.calibration", matches = "true")
  void calibrate() throws IOException {
    TenantId tenant = TenantId.of("eval");
    BgeSmallZhEmbedding model = BgeSmallZhEmbedding.load();
    List<String> tsv = new ArrayList<>();
    List<String> hits = new ArrayList<>();
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
        for (int r = 0; r < f.size(); r++) {
          Relevance.Features h = f.get(r);
          double m = Relevance.gap(all, r);
          double[] in = Relevance.inputs(h, m, true);
          hits.add(String.format(Locale.ROOT, "%s\t%d\t%d\t%d\t%d\t%.4f\t%.4f\t%.4f\t%.4f",
              mode, q.line(), r, q.noAnswer() ? 0 : 1,
              q.expected().contains(keys.get(ids.get(r))) ? 1 : 0, in[0], in[1], in[2], in[3]));
        }
        tsv.add(line);
      }
      index.close();
      List<double[]> x = new ArrayList<>();
      List<Boolean> y = new ArrayList<>();
      for (Row row : rows) {
        if (row.inputs() != null && half(row) == Half.CALIBRATION) {
          x.add(row.inputs());
          y.add(!row.query().noAnswer());
        }
      }
      for (double lambda : LAMBDAS) {
        System.out.printf(Locale.ROOT, "[kb-calibration] %s penalty %.1f: 5-fold cross-validated"
            + " log-loss %.4f%n", mode, lambda,
            LogisticFit.crossValidatedLogLoss(x, y, lambda, 5, 5));
      }
      LogisticFit.Model fitted = LogisticFit.withCut(LogisticFit.fit(x, y, LAMBDA), x, y,
          MAX_WRONG);
      Relevance.Model m = hybrid ? Relevance.HYBRID_MODEL : Relevance.LEXICAL_MODEL;
      LogisticFit.Model shipped = new LogisticFit.Model(m.weights(), m.intercept(), m.cut());
      System.out.println("[kb-calibration] " + mode + " refit: " + fitted);
      System.out.println("[kb-calibration] " + mode + " shipped: " + shipped);
      for (Half half : Half.values()) {
        System.out.println("[kb-calibration] " + mode + " " + half.label + ": refit "
            + rates(rows, fitted, half, 0) + "; shipped " + rates(rows, shipped, half, 0));
      }
      // The operating curve of the shipped model: a host's threshold t moves the cut by
      // ln(t / (1 - t)).
      for (double t : new double[] {0.3, 0.4, 0.5, 0.6, 0.7, 0.8}) {
        double shift = Math.log(t / (1 - t));
        System.out.printf(Locale.ROOT, "[kb-calibration] %s shipped at threshold %.1f: relevance"
            + " set (both halves) %s; fresh %s; check %s%n", mode, t,
            rates(rows, shipped, null, shift), rates(rows, shipped, Half.FRESH, shift),
            rates(rows, shipped, Half.CHECK, shift));
      }
      // The halves swapped (a check on the split, not a model to ship): fitted and cut on the
      // held-out half, applied to the calibration half.
      List<double[]> xOdd = new ArrayList<>();
      List<Boolean> yOdd = new ArrayList<>();
      for (Row row : rows) {
        if (row.inputs() != null && half(row) == Half.HELD_OUT) {
          xOdd.add(row.inputs());
          yOdd.add(!row.query().noAnswer());
        }
      }
      LogisticFit.Model swapped = LogisticFit.withCut(LogisticFit.fit(xOdd, yOdd, LAMBDA), xOdd,
          yOdd, MAX_WRONG);
      System.out.println("[kb-calibration] " + mode + " swapped halves: " + swapped);
      System.out.println("[kb-calibration] " + mode + " swapped, fitted on the held-out half: "
          + rates(rows, swapped, Half.HELD_OUT, 0) + "; applied to the calibration half: "
          + rates(rows, swapped, Half.CALIBRATION, 0) + "; to the fresh set: "
          + rates(rows, swapped, Half.FRESH, 0) + "; to the check set: "
          + rates(rows, swapped, Half.CHECK, 0));
    }
    String out = System.getProperty("kb.calibration.out");
    if (out != null && !out.isBlank()) {
      Files.write(Path.of(out), tsv);
      Files.write(Path.of(out + ".hits"), hits);
    }
  }

  /** The part of the queries a row belongs to. */
  enum Half {
    CALIBRATION("calibration half"), HELD_OUT("held-out half"), FRESH("fresh set"),
    CHECK("check set");

    final String label;

    Half(String label) {
      this.label = label;
    }
  }

  static Half half(Row row) {
    return row.query().line() >= CHECK ? Half.CHECK : row.query().line() >= FRESH ? Half.FRESH
        : row.query().calibration() ? Half.CALIBRATION : Half.HELD_OUT;
  }

  /** Rates over one part (all of the relevance set if null), the cut moved by {@code shift}. */
  private static String rates(List<Row> rows, LogisticFit.Model model, Half part, double shift) {
    int noAnswer = 0;
    int noAnswerFlagged = 0;
    int answerable = 0;
    int answerableFlagged = 0;
    for (Row row : rows) {
      if (part == null ? half(row) == Half.FRESH || half(row) == Half.CHECK : half(row) != part) {
        continue;
      }
      // No hit, or a first hit sharing no word, character or pinyin pair with the query
      // (relevance 0 in Relevance.of), is flagged whatever the model says.
      boolean flagged = row.inputs() == null || row.inputs()[0] == 0
          || model.logOdds(row.inputs()) < model.cut() + shift;
      if (row.query().noAnswer()) {
        noAnswer++;
        noAnswerFlagged += flagged ? 1 : 0;
      } else {
        answerable++;
        answerableFlagged += flagged ? 1 : 0;
      }
    }
    return String.format(Locale.ROOT, "no-answer flagged %.3f (%d of %d), answerable flagged"
        + " %.3f (%d of %d)", (double) noAnswerFlagged / noAnswer, noAnswerFlagged, noAnswer,
        (double) answerableFlagged / answerable, answerableFlagged, answerable);
  }
}
