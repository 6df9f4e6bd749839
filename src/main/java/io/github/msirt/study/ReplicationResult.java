package io.github.msirt.study;

import java.io.Serializable;

/**
 * What one regime of one replication produced: a small row collected from a Spark task.
 * Parameter vectors are ordered all discriminations, then all intercepts.
 *
 * @param replication the replication's index, from 0
 * @param seed the replication's seed
 * @param regime the predictor regime
 * @param abilityRiskLambda lambda chosen by the ability-risk tuner on all human rows
 * @param ppiLambda lambda of the PPI++ trace rule, clipped to [0, 1]
 * @param ppiUnclipped the PPI++ value before clipping
 * @param crossFitLambda lambda chosen by cross-fitted ability-risk tuning
 * @param truth the true parameters
 * @param humanEstimates the human-only (lambda = 0) estimates
 * @param humanStandardErrors their Louis sandwich standard errors
 * @param fixedEstimates the estimates at the design's fixed lambda
 * @param fixedLouisErrors their Louis sandwich standard errors
 * @param fixedCompleteErrors their standard errors with the complete-data bread
 * @param eapError held-out RMSE of EAP scores at lambda 0, the tuned lambda and lambda 1
 * @param mlError held-out RMSE of bounded ML scores at the same three calibrations
 * @param converged whether the fits at lambda 0, the tuned lambda, the fixed lambda and
 *     lambda 1 converged
 * @param seconds wall time of this regime in its task
 */
public record ReplicationResult(int replication, long seed, Regime regime,
    double abilityRiskLambda, double ppiLambda, double ppiUnclipped, double crossFitLambda,
    double[] truth, double[] humanEstimates, double[] humanStandardErrors,
    double[] fixedEstimates, double[] fixedLouisErrors, double[] fixedCompleteErrors,
    double[] eapError, double[] mlError, boolean[] converged, double seconds)
    implements Serializable {
}
