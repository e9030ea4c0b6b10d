package dev.ticketkit.testkit.kb;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Fits the small logistic model behind the knowledge base's confident-answer signal, and chooses
 * its cut, on the calibration half of the relevance set: L2-regularised logistic regression
 * (penalty {@code lambda} on the standardised coefficients, intercept unpenalised) solved by
 * Newton's method, coefficients returned on the features' own scale. Used by the calibration test
 * that prints the model shipped in {@code Relevance}; not used at search time. Stateless.
 */
public final class LogisticFit {

  /**
   * A fitted model: {@code z = intercept + sum weights[i] * x[i]}, confident when
   * {@code z >= cut}.
   *
   * @param weights the coefficient of each feature, on the features' own scale
   * @param intercept the intercept
   * @param cut the log-odds from which a query counts as answered
   */
  public record Model(double[] weights, double intercept, double cut) {

    /** Checks that the weights are present. */
    public Model {
      Objects.requireNonNull(weights, "weights");
    }

    /**
     * Returns the model's log-odds for some features.
     *
     * @param x the features, in the order of the weights
     * @return the log-odds
     */
    public double logOdds(double[] x) {
      double z = intercept;
      for (int i = 0; i < weights.length; i++) {
        z += weights[i] * x[i];
      }
      return z;
    }

    @Override
    public String toString() {
      return "weights " + Arrays.toString(weights) + ", intercept " + intercept + ", cut " + cut;
    }
  }

  private LogisticFit() {}

  /**
   * Fits the coefficients.
   *
   * @param x the features of each example
   * @param answered whether each example is a query with an answer in the set
   * @param lambda the L2 penalty on the standardised coefficients
   * @return the model, with cut 0 (see {@link #withCut})
   */
  public static Model fit(List<double[]> x, List<Boolean> answered, double lambda) {
    Objects.requireNonNull(answered, "answered");
    int n = x.size();
    int d = x.get(0).length;
    double[] mean = new double[d];
    double[] sd = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / n;
      }
    }
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
      }
    }
    for (int j = 0; j < d; j++) {
      sd[j] = Math.sqrt(sd[j]) + 1e-9;
    }
    double[] w = new double[d + 1];
    for (int iteration = 0; iteration < 50; iteration++) {
      double[] gradient = new double[d + 1];
      double[][] hessian = new double[d + 1][d + 1];
      for (int i = 0; i < n; i++) {
        double[] z = standardised(x.get(i), mean, sd);
        double p = 1 / (1 + Math.exp(-dot(w, z)));
        double y = answered.get(i) ? 1 : 0;
        for (int a = 0; a <= d; a++) {
          gradient[a] += (p - y) * z[a];
          for (int b = 0; b <= d; b++) {
            hessian[a][b] += p * (1 - p) * z[a] * z[b];
          }
        }
      }
      for (int j = 0; j < d; j++) {
        gradient[j] += lambda * w[j];
        hessian[j][j] += lambda;
      }
      double[] step = solve(hessian, gradient);
      for (int j = 0; j <= d; j++) {
        w[j] -= step[j];
      }
    }
    double[] weights = new double[d];
    double intercept = w[d];
    for (int j = 0; j < d; j++) {
      weights[j] = w[j] / sd[j];
      intercept -= w[j] * mean[j] / sd[j];
    }
    return new Model(weights, intercept, 0);
  }

  /**
   * Returns the mean log-loss of models fitted with a penalty, by k-fold cross-validation repeated
   * with shuffles from seeds 0 to {@code repeats - 1}: how well the penalty generalises.
   *
   * @param x the features of each example
   * @param answered whether each example has an answer
   * @param lambda the L2 penalty
   * @param folds the number of folds
   * @param repeats how many shuffles
   * @return the mean log-loss per example
   */
  public static double crossValidatedLogLoss(List<double[]> x, List<Boolean> answered,
      double lambda, int folds, int repeats) {
    Objects.requireNonNull(answered, "answered");
    int n = x.size();
    double loss = 0;
    for (int seed = 0; seed < repeats; seed++) {
      List<Integer> order = new java.util.ArrayList<>();
      for (int i = 0; i < n; i++) {
        order.add(i);
      }
      java.util.Collections.shuffle(order, new java.util.Random(seed));
      for (int f = 0; f < folds; f++) {
        List<double[]> trainX = new java.util.ArrayList<>();
        List<Boolean> trainY = new java.util.ArrayList<>();
        List<Integer> test = new java.util.ArrayList<>();
        for (int k = 0; k < n; k++) {
          if (k % folds == f) {
            test.add(order.get(k));
          } else {
            trainX.add(x.get(order.get(k)));
            trainY.add(answered.get(order.get(k)));
          }
        }
        Model model = fit(trainX, trainY, lambda);
        for (int i : test) {
          double p = 1 / (1 + Math.exp(-model.logOdds(x.get(i))));
          p = Math.min(1 - 1e-6, Math.max(1e-6, p));
          loss -= answered.get(i) ? Math.log(p) : Math.log(1 - p);
        }
      }
    }
    return loss / repeats / n;
  }

  /**
   * Chooses the cut that flags the most unanswered examples while flagging under {@code maxWrong}
   * of the answered ones; the cut lies midway between two neighbouring log-odds.
   *
   * @param model the fitted model
   * @param x the features of each example
   * @param answered whether each example has an answer
   * @param maxWrong the largest share of answered examples that may be flagged (exclusive)
   * @return the model with its cut
   */
  public static Model withCut(Model model, List<double[]> x, List<Boolean> answered,
      double maxWrong) {
    double[] z = x.stream().mapToDouble(model::logOdds).toArray();
    double[] sorted = z.clone();
    Arrays.sort(sorted);
    long answeredCount = answered.stream().filter(a -> a).count();
    double best = sorted[0] - 1;
    for (int k = 0; k < sorted.length; k++) {
      double cut = k + 1 < sorted.length ? (sorted[k] + sorted[k + 1]) / 2 : sorted[k] + 1;
      int wrong = 0;
      for (int i = 0; i < z.length; i++) {
        wrong += answered.get(i) && z[i] < cut ? 1 : 0;
      }
      if ((double) wrong / answeredCount < maxWrong) {
        best = cut;
      }
    }
    return new Model(model.weights(), model.intercept(), best);
  }

  private static double[] standardised(double[] row, double[] mean, double[] sd) {
    double[] z = new double[row.length + 1];
    for (int j = 0; j < row.length; j++) {
      z[j] = (row[j] - mean[j]) / sd[j];
    }
    z[row.length] = 1;
    return z;
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  /** Solves {@code a x = b} by Gaussian elimination with partial pivoting. */
  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    double[][] m = new double[n][];
    for (int i = 0; i < n; i++) {
      m[i] = Arrays.copyOf(a[i], n + 1);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int pivot = c;
      for (int r = c + 1; r < n; r++) {
        pivot = Math.abs(m[r][c]) > Math.abs(m[pivot][c]) ? r : pivot;
      }
      double[] t = m[c];
      m[c] = m[pivot];
      m[pivot] = t;
      for (int r = c + 1; r < n; r++) {
        double f = m[r][c] / m[c][c];
        for (int k = c; k <= n; k++) {
          m[r][k] -= f * m[c][k];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = m[r][n];
      for (int k = r + 1; k < n; k++) {
        s -= m[r][k] * x[k];
      }
      x[r] = s / m[r][r];
    }
    return x;
  }
}
