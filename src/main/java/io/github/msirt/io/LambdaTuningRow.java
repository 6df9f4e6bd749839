package io.github.msirt.io;

/**
 * One row of {@code lambda_tuning.csv}: a candidate lambda evaluated in one fold.
 *
 * @param fold the fold, or {@code all} outside cross-fitting
 * @param lambda the candidate weight of the generated responses, in [0, 1]
 * @param meanParamVar the mean ability-scale parameter variance of the fit
 * @param selectionRisk the risk the tuner minimises; infinite when the candidate is ineligible
 * @param converged whether the fit converged
 * @param maxA the largest absolute discrimination of the fit
 * @param eligible whether the candidate could be chosen
 */
public record LambdaTuningRow(String fold, double lambda, double meanParamVar,
    double selectionRisk, boolean converged, double maxA, boolean eligible) {
}
