package io.github.msirt.tune;

import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.Detail;
import io.github.msirt.estimate.LocalResponses;
import io.github.msirt.estimate.Matrices;
import io.github.msirt.estimate.NodeTable;
import io.github.msirt.estimate.ScoreRows;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.ResponseMatrix;

/**
 * The closed-form PPI++ lambda that minimises the trace of the asymptotic covariance
 * (Angelopoulos, Duchi and Zrnic, 2023, arXiv:2311.01453, Proposition 2):
 * <pre>
 *   lambda = Tr(H^-1 (C + C') H^-1) / (2 (1 + n/N) Tr(H^-1 V H^-1)),
 * </pre>
 * with {@code C} the covariance of the human and prediction score vectors, {@code V} the
 * variance of the prediction scores (both with denominator n - 1), and {@code H} the
 * Hessian of the human marginal loss (Louis' identity), all at the human-only fit. By
 * default both score vectors use the human rows' posteriors, so that the predictions are
 * scored at the abilities of the people they predict, as the published R implementation
 * does. With {@link CalibrationSettings#ppiOwnPosteriors()} the predictions are scored with
 * their own posteriors instead: those are the score vectors of the marginal objective
 * {@code L_P} that the estimator minimises and of its sandwich meat, so the rule then
 * minimises the trace of the very covariance that is reported. The result is clipped to
 * [0, 1]; the unclipped value is reported too, so a negative one stays visible.
 */
public final class PpiTraceRule {
  private PpiTraceRule() {
  }

  /** The rule's result and its ingredients. */
  public record Result(double lambda, double unclipped, double humans, double generated,
      double[][] crossCovariance, double[][] predictionVariance) {
  }

  /**
   * @param observed human rows O
   * @param predicted paired prediction rows P
   * @param humanFit human-only item parameters
   * @param generatedRespondents N, the number of generated respondents
   * @param settings supplies the quadrature and ridge
   * @return the rule's lambda
   */
  public static Result compute(ResponseMatrix observed, ResponseMatrix predicted,
      ItemParameters humanFit, double generatedRespondents, CalibrationSettings settings) {
    NodeTable table = new NodeTable(humanFit, settings.quadrature());
    double[][] human = ScoreRows.withPosteriorOf(observed, observed, table);
    double[][] prediction = settings.ppiOwnPosteriors()
        ? ScoreRows.ownPosterior(predicted, table)
        : ScoreRows.withPosteriorOf(predicted, observed, table);
    boolean[] included = ScoreRows.answeredRows(observed);
    double[][] cross = crossCovariance(human, prediction, included);
    double[][] variance = ScoreRows.covariance(prediction, included);
    double n = countTrue(included);

    // Hessian of the human marginal loss, and the two traces
    double[][] hessian = LocalResponses.accumulate(observed.distinctPatterns(), table,
        Detail.HESSIAN).hessian(table);
    double[][] inverse = Matrices.ridgeInverse(hessian, settings.ridge());
    double[][] symmetric = Matrices.plus(cross, 1.0, Matrices.transpose(cross));
    double numerator = Matrices.trace(Matrices.sandwich(inverse, symmetric));
    double denominator = 2 * (1 + n / generatedRespondents)
        * Matrices.trace(Matrices.sandwich(inverse, variance));
    double unclipped = denominator > 0 ? numerator / denominator : 0.0;
    double lambda = Math.max(0.0, Math.min(1.0, unclipped));
    return new Result(lambda, unclipped, n, generatedRespondents, cross, variance);
  }

  private static double[][] crossCovariance(double[][] first, double[][] second,
      boolean[] included) {
    int size = first.length == 0 ? 0 : first[0].length;
    double[] meanFirst = new double[size];
    double[] meanSecond = new double[size];
    double count = countTrue(included);
    for (int i = 0; i < first.length; i++) {
      for (int u = 0; u < size && included[i]; u++) {
        meanFirst[u] += first[i][u] / count;
        meanSecond[u] += second[i][u] / count;
      }
    }
    double[][] covariance = new double[size][size];
    for (int i = 0; i < first.length; i++) {
      if (!included[i]) {
        continue;
      }
      for (int u = 0; u < size; u++) {
        for (int v = 0; v < size; v++) {
          covariance[u][v] += (first[i][u] - meanFirst[u]) * (second[i][v] - meanSecond[v])
              / (count - 1);
        }
      }
    }
    return covariance;
  }

  private static double countTrue(boolean[] values) {
    double count = 0;
    for (boolean value : values) {
      count += value ? 1 : 0;
    }
    return count;
  }
}
