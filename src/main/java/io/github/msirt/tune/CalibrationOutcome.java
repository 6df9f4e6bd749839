package io.github.msirt.tune;

import io.github.msirt.estimate.Covariance;
import io.github.msirt.estimate.MixedFit;
import java.util.List;

/**
 * Everything a calibration produced: the final fit and its covariance, how lambda was
 * chosen, and every tuning candidate.
 *
 * @param fit the final fit
 * @param covariance its Louis sandwich covariance
 * @param tuner the rule that chose lambda ({@code "fixed"} when given)
 * @param lambda the final lambda
 * @param lambdaByFold each fold's lambda (empty unless cross-fitted)
 * @param candidates every evaluated candidate, fold by fold
 * @param ppi the PPI++ rule's result, when it chose lambda
 * @param generatedRespondents N
 */
public record CalibrationOutcome(MixedFit fit, Covariance covariance, String tuner,
    double lambda, double[] lambdaByFold, List<Candidate> candidates, PpiTraceRule.Result ppi,
    double generatedRespondents) {

  /** @return {@code N / (n + N)}, the largest useful lambda */
  public double lambdaMax() {
    double n = fit.observedRespondents();
    return generatedRespondents / (n + generatedRespondents);
  }
}
