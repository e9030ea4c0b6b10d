package dev.ticketkit.kb.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The confident-answer models are data: read from {@code relevance-model.properties}, with a
 * relevance of exactly one half at the cut and rising with coverage and cosine.
 */
class RelevanceModelTest {

  @Test
  void modelsAreReadFromTheResource() {
    assertThat(Relevance.LEXICAL_MODEL.weights()).hasSize(2);
    assertThat(Relevance.HYBRID_MODEL.weights()).hasSize(5);
    assertThat(Relevance.class.getResource(Relevance.MODEL_RESOURCE)).isNotNull();
  }

  @Test
  void relevanceIsOneHalfAtTheCut() {
    Relevance.Model m = new Relevance.Model(new double[] {2, -1}, 0.5, 1.5);
    // z = 0.5 + 2 * 0.5 - 1 * 0 = 1.5 = cut
    assertThat(m.relevance(new double[] {0.5, 0})).isEqualTo(0.5);
    assertThat(m.relevance(new double[] {0.6, 0})).isGreaterThan(0.5);
  }

  @Test
  void moreCoverageAndCosineMeanMoreRelevance() {
    Relevance.Model m = Relevance.HYBRID_MODEL;
    double low = m.relevance(new double[] {0.2, 0, 0.45, 0, 0.5});
    assertThat(m.relevance(new double[] {0.8, 0, 0.45, 0, 0.5})).isGreaterThan(low);
    assertThat(m.relevance(new double[] {0.2, 0, 0.75, 0, 0.5})).isGreaterThan(low);
    assertThat(m.relevance(new double[] {0.2, 1, 0.45, 0, 0.5})).isLessThan(low);
  }

  @Test
  void aMissingSalientWordMeansLessRelevance() {
    Relevance.Model m = Relevance.HYBRID_MODEL;
    assertThat(m.relevance(new double[] {0.5, 0, 0.6, 0.02, 1}))
        .isLessThan(m.relevance(new double[] {0.5, 0, 0.6, 0.02, 0.3}));
  }

  @Test
  void aHitSharingNothingWithTheQueryHasNoRelevance() {
    Relevance.Features vectorOnly = new Relevance.Features(0, 0, 0, 0.9, 0, 0);
    Relevance.Features lexical = new Relevance.Features(0.5, 0, 0, 0.6, 0, 0);
    double[] hybrid = Relevance.of(new Relevance.Features[] {vectorOnly, lexical}, true);
    assertThat(hybrid[0]).isZero();
    assertThat(hybrid[1]).isPositive();
    assertThat(Relevance.of(new Relevance.Features[] {vectorOnly}, false)[0]).isZero();
  }
}
