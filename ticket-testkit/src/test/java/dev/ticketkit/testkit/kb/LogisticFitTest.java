package dev.ticketkit.testkit.kb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticFitTest {

  /** Examples drawn from a known logistic model: z = -1 + 2 a - 3 b. */
  private static void sample(List<double[]> x, List<Boolean> y, int n) {
    Random random = new Random(7);
    for (int i = 0; i < n; i++) {
      double a = random.nextDouble() * 4 - 2;
      double b = random.nextDouble() * 4 - 2;
      double p = 1 / (1 + Math.exp(-(-1 + 2 * a - 3 * b)));
      x.add(new double[] {a, b});
      y.add(random.nextDouble() < p);
    }
  }

  @Test
  void recoversTheCoefficientsOfALogisticModel() {
    List<double[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    sample(x, y, 5_000);
    LogisticFit.Model model = LogisticFit.fit(x, y, 0.01);
    assertThat(model.weights()[0]).isBetween(1.7, 2.3);
    assertThat(model.weights()[1]).isBetween(-3.4, -2.6);
    assertThat(model.intercept()).isBetween(-1.3, -0.7);
  }

  @Test
  void theCutFlagsUnderTheAllowedShareOfAnsweredExamples() {
    List<double[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    sample(x, y, 1_000);
    LogisticFit.Model model = LogisticFit.withCut(LogisticFit.fit(x, y, 1), x, y, 0.05);
    int answered = 0;
    int flagged = 0;
    int unanswered = 0;
    int caught = 0;
    for (int i = 0; i < x.size(); i++) {
      boolean below = model.logOdds(x.get(i)) < model.cut();
      if (y.get(i)) {
        answered++;
        flagged += below ? 1 : 0;
      } else {
        unanswered++;
        caught += below ? 1 : 0;
      }
    }
    assertThat((double) flagged / answered).isLessThan(0.05);
    assertThat((double) caught / unanswered).isGreaterThan(0.5);
  }

  @Test
  void heavierPenaltiesShrinkTheCoefficients() {
    List<double[]> x = new ArrayList<>();
    List<Boolean> y = new ArrayList<>();
    sample(x, y, 300);
    double light = Math.abs(LogisticFit.fit(x, y, 0.1).weights()[1]);
    double heavy = Math.abs(LogisticFit.fit(x, y, 100).weights()[1]);
    assertThat(heavy).isLessThan(light);
    assertThat(LogisticFit.crossValidatedLogLoss(x, y, 1, 5, 2))
        .isLessThan(LogisticFit.crossValidatedLogLoss(x, y, 10_000, 5, 2));
  }
}
