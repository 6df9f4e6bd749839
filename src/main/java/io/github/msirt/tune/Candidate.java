package io.github.msirt.tune;

import io.github.msirt.estimate.Covariance;
import io.github.msirt.estimate.MixedFit;

/**
 * One evaluated lambda: its fit, covariance and ability risk on the target population.
 *
 * @param fold the fold it was tuned in ({@code "all"} outside cross-fitting)
 * @param lambda the candidate weight
 * @param meanParamVar the ability risk: mean {@code g' Sigma g} over the target
 * @param selectionRisk the risk used to choose: infinite when ineligible
 * @param converged whether the fit converged
 * @param maxDiscrimination the largest |a| of the fit
 * @param eligible converged, every |a| within the guard, and a finite risk
 * @param fit the fit
 * @param covariance its Louis sandwich covariance, or null if it could not be formed
 */
public record Candidate(String fold, double lambda, double meanParamVar, double selectionRisk,
    boolean converged, double maxDiscrimination, boolean eligible, MixedFit fit,
    Covariance covariance) {
}
