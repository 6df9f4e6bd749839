package io.github.msirt.diagnostics;

import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.Detail;
import io.github.msirt.estimate.LocalResponses;
import io.github.msirt.estimate.Matrices;
import io.github.msirt.estimate.NodeTable;
import io.github.msirt.estimate.ScoreRows;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.ResponseMatrix;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The PPI correlation: how strongly each human's contribution to the estimating equation
 * moves with the contribution of their prediction. It decides what the generated data can
 * be worth (see {@link EffectiveSampleSize}).
 *
 * <p>At the human-only fit, every human row i contributes the marginal score
 * {@code s_O,i} to {@code L_O} and its prediction row the score {@code s_P,i} to
 * {@code L_P}, each with its own posterior, exactly as they enter the objective and the
 * sandwich meat {@code Cov(S_O - lambda S_P)}. Both are mapped to the parameter scale by
 * the inverse Hessian {@code H} of the human loss: the influence contributions
 * {@code psi = H^-1 s}, whose covariance over n rows is the estimator's covariance times n.
 * Then, with the trace correlation of {@link Correlations#trace}:
 * <ul>
 *   <li>per parameter: the Pearson correlation of {@code psi_O} and {@code psi_P} in that
 *       coordinate;</li>
 *   <li>per item: the trace correlation over the item's two coordinates {@code (a_j, d_j)};
 *   </li>
 *   <li>overall: the trace correlation over all {@code 2J} coordinates,
 *       {@code tr(H^-1 C H^-1) / sqrt(tr(H^-1 V_O H^-1) tr(H^-1 V_P H^-1))}.</li>
 * </ul>
 *
 * <p>NOTE: the PPI++ trace rule ({@link io.github.msirt.tune.PpiTraceRule}) scores the
 * prediction rows with the human rows' posteriors instead, which removes what the
 * posterior already knows about each person; its overall correlation is reported as
 * {@code ruleOverall}. When P predicts only what O's other answers already say, that
 * version is near 0 while the own-posterior one is clearly positive, and the PPI++ rule
 * then gives lambda near 0 where the ability-risk tuner does not.
 *
 * @param items item names
 * @param parameters parameter names, all a then all d
 * @param overall the trace correlation over all parameters
 * @param byItem per item
 * @param byParameter per parameter, all a then all d
 * @param ruleOverall the overall correlation with P scored by O's posteriors, as in the
 *     PPI++ trace rule
 */
public record PpiCorrelation(List<String> items, List<String> parameters, double overall,
    double[] byItem, double[] byParameter, double ruleOverall) {

  /**
   * Computes the correlation from the data at the human-only fit.
   *
   * @param observed human rows O
   * @param predicted paired prediction rows P
   * @param humanFit the human-only item parameters
   * @param settings supplies the quadrature and the ridge
   * @return the correlation
   */
  public static PpiCorrelation of(ResponseMatrix observed, ResponseMatrix predicted,
      ItemParameters humanFit, CalibrationSettings settings) {
    NodeTable table = new NodeTable(humanFit, settings.quadrature());
    double[][] human = ScoreRows.ownPosterior(observed, table);
    double[][] prediction = ScoreRows.ownPosterior(predicted, table);
    double[][] ruleScoring = ScoreRows.withPosteriorOf(predicted, observed, table);
    double[][] hessian = LocalResponses.accumulate(observed.distinctPatterns(), table,
        Detail.HESSIAN).hessian(table);
    double[][] inverse = Matrices.ridgeInverse(hessian, settings.ridge());
    boolean[] answered = ScoreRows.answeredRows(observed);
    PpiCorrelation own = fromScores(observed.items(), human, prediction, inverse, answered);
    PpiCorrelation rule =
        fromScores(observed.items(), human, ruleScoring, inverse, answered);
    return new PpiCorrelation(own.items(), own.parameters(), own.overall(), own.byItem(),
        own.byParameter(), rule.overall());
  }

  /**
   * Computes the correlation from given score rows.
   *
   * @param items item names (J)
   * @param humanScores per-row human scores, {@code n x 2J}, all a then all d
   * @param predictionScores per-row prediction scores, paired with humanScores
   * @param inverseHessian {@code H^-1}, {@code 2J x 2J}; the identity gives correlations of
   *     the raw scores
   * @param include which rows enter, or null for all
   * @return the correlation, with {@code ruleOverall} equal to {@code overall}
   */
  public static PpiCorrelation fromScores(List<String> items, double[][] humanScores,
      double[][] predictionScores, double[][] inverseHessian, boolean[] include) {
    double[][] human = influence(humanScores, inverseHessian);
    double[][] prediction = influence(predictionScores, inverseHessian);
    int count = items.size();
    double[] byParameter = new double[2 * count];
    for (int u = 0; u < byParameter.length; u++) {
      byParameter[u] = Correlations.trace(human, prediction, new int[] {u}, include);
    }
    double[] byItem = new double[count];
    for (int j = 0; j < count; j++) {
      byItem[j] = Correlations.trace(human, prediction, new int[] {j, count + j}, include);
    }
    int[] all = IntStream.range(0, 2 * count).toArray();
    double overall = Correlations.trace(human, prediction, all, include);
    return new PpiCorrelation(List.copyOf(items), ItemParameters.parameterNames(items),
        overall, byItem, byParameter, overall);
  }

  private static double[][] influence(double[][] scores, double[][] inverseHessian) {
    double[][] result = new double[scores.length][];
    for (int i = 0; i < scores.length; i++) {
      result[i] = new double[inverseHessian.length];
      for (int u = 0; u < inverseHessian.length; u++) {
        double sum = 0;
        for (int v = 0; v < inverseHessian.length; v++) {
          sum += inverseHessian[u][v] * scores[i][v];
        }
        result[i][u] = sum;
      }
    }
    return result;
  }
}
