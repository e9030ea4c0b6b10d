package dev.ticketkit.kb.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Quantised title vectors keep the cosine of the float vectors within 0.01. */
class VectorsTest {

  @Test
  void quantisedDotProductIsTheCosine() {
    Random random = new Random(7);
    for (int trial = 0; trial < 200; trial++) {
      float[] a = new float[512];
      float[] b = new float[512];
      for (int i = 0; i < a.length; i++) {
        a[i] = (float) random.nextGaussian();
        b[i] = (float) (0.6 * a[i] + random.nextGaussian() * random.nextDouble());
      }
      byte[] q = Vectors.quantise(b);
      assertThat(q).hasSize(516);
      assertThat(Vectors.dotQuantised(Vectors.unit(a), q, 0, q.length))
          .isCloseTo(Vectors.cosine(a, b), within(0.01));
    }
  }

  @Test
  void aQuantisedVectorOfAnotherLengthScoresZero() {
    byte[] q = Vectors.quantise(new float[] {1, 2, 3});
    assertThat(Vectors.dotQuantised(new float[] {1, 0}, q, 0, q.length)).isZero();
  }
}
