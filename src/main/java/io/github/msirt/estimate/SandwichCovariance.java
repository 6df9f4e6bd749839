package io.github.msirt.estimate;

/**
 * Sandwich covariance of the mixed-subjects estimator.
 *
 * <pre>
 *   Sigma = B^-1 M B^-T,
 *   B = A_O + lambda (A_G - A_P),
 *   M = Cov(S_O - lambda S_P) / n + lambda^2 Cov(S_G) / N,
 * </pre>
 * with {@code A} the average marginal observed information of each response set (Louis'
 * identity: complete-data information minus missing information) and {@code S} the
 * per-respondent marginal score vectors; {@code S_O} and {@code S_P} are paired row by row.
 * Covariances use the denominator {@code m - 1}. The complete-data variant replaces each
 * {@code A} by the complete-data (EM) information, which ignores the missing information
 * and so understates the variance; it is offered for comparison only.
 */
public final class SandwichCovariance {
  private SandwichCovariance() {
  }

  /**
   * The Louis-corrected sandwich at a fit.
   *
   * @param fit the fit
   * @param data the data it was fitted to
   * @param settings supplies the ridge for inverting the bread
   * @return the covariance
   */
  public static Covariance louis(MixedFit fit, MixedSubjectsData data,
      CalibrationSettings settings) {
    return build(fit, data, settings, fit.evaluation().hessian());
  }

  /**
   * The sandwich with the complete-data (EM) bread, for comparison.
   *
   * @param fit the fit
   * @param data the data it was fitted to
   * @param settings supplies the ridge
   * @return the covariance
   */
  public static Covariance completeDataBread(MixedFit fit, MixedSubjectsData data,
      CalibrationSettings settings) {
    return build(fit, data, settings, fit.evaluation().completeDataHessian());
  }

  private static Covariance build(MixedFit fit, MixedSubjectsData data,
      CalibrationSettings settings, double[][] bread) {
    double[][] meat = meat(fit, data);
    double[][] breadInverse = Matrices.ridgeInverse(bread, settings.ridge());
    double[][] matrix = Matrices.sandwich(breadInverse, meat);
    return new Covariance(fit.parameters().parameterNames(), matrix, bread, meat);
  }

  /**
   * The meat {@code Cov(S_O - lambda S_P)/n + lambda^2 Cov(S_G)/N}.
   *
   * @param fit the fit, whose evaluation holds G's score moments
   * @param data O and P, paired row by row
   * @return the meat
   */
  public static double[][] meat(MixedFit fit, MixedSubjectsData data) {
    MixedEvaluation at = fit.evaluation();
    double lambda = fit.lambda();
    if (lambda == 0 || at.generated() == null) {
      EStepStatistics observed = at.observed();
      return scaled(observed.scoreCovariance(), 1.0 / observed.respondents());
    }
    double[][] labelled = pairedScoreCovariance(data, at.table(), lambda);
    double humans = at.observed().respondents();
    EStepStatistics generated = at.generated();
    return Matrices.plus(scaled(labelled, 1.0 / humans),
        lambda * lambda / generated.respondents(), generated.scoreCovariance());
  }

  private static double[][] pairedScoreCovariance(MixedSubjectsData data, NodeTable table,
      double lambda) {
    double[][] observed = ScoreRows.ownPosterior(data.observed(), table);
    double[][] predicted = ScoreRows.ownPosterior(data.predicted(), table);
    double[][] difference = new double[observed.length][];
    for (int i = 0; i < observed.length; i++) {
      difference[i] = new double[observed[i].length];
      for (int u = 0; u < difference[i].length; u++) {
        difference[i][u] = observed[i][u] - lambda * predicted[i][u];
      }
    }
    return ScoreRows.covariance(difference, ScoreRows.answeredRows(data.observed()));
  }

  private static double[][] scaled(double[][] matrix, double factor) {
    double[][] result = new double[matrix.length][matrix.length];
    for (int u = 0; u < matrix.length; u++) {
      for (int v = 0; v < matrix.length; v++) {
        result[u][v] = factor * matrix[u][v];
      }
    }
    return result;
  }
}
