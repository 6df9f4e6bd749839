package io.github.msirt.diagnostics;

import io.github.msirt.estimate.AbilityScore;
import io.github.msirt.estimate.AbilityScorer;
import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.ResponseMatrix;

/**
 * Where the bounded ML ability scores of a set of rows fall: how many sit at the lower or
 * upper bound (every answer wrong or right, in practice) and how many rows answered
 * nothing. Such scores do not move with the item parameters and are left out of the
 * ability risk.
 *
 * @param lower respondents scored at the lower bound
 * @param upper respondents scored at the upper bound
 * @param noResponses respondents without any answer
 * @param respondents all respondents
 * @param lowerBound the lower ability bound
 * @param upperBound the upper ability bound
 */
public record ScoreBounds(double lower, double upper, double noResponses, double respondents,
    double lowerBound, double upperBound) {

  /**
   * @param rows respondents (frequencies respected)
   * @param parameters the calibration
   * @param settings supplies the ability bounds and the scoring mode
   * @return the counts
   */
  public static ScoreBounds of(ResponseMatrix rows, ItemParameters parameters,
      CalibrationSettings settings) {
    AbilityScorer scorer = AbilityScorer.of(parameters, settings);
    double[] counts = new double[AbilityScore.Status.values().length];
    byte[] row = new byte[rows.itemCount()];
    for (int i = 0; i < rows.rowCount(); i++) {
      rows.copyRow(i, row);
      counts[scorer.score(row).status().ordinal()] += rows.frequency(i);
    }
    return new ScoreBounds(counts[AbilityScore.Status.LOWER_BOUND.ordinal()],
        counts[AbilityScore.Status.UPPER_BOUND.ordinal()],
        counts[AbilityScore.Status.NO_RESPONSES.ordinal()], rows.respondentCount(),
        settings.thetaLower(), settings.thetaUpper());
  }

  /** @return respondents at either bound */
  public double atBounds() {
    return lower + upper;
  }
}
