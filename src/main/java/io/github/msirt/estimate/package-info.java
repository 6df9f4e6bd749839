/**
 * The mixed-subjects estimator on one machine: E-step statistics, the marginal ML fits,
 * the sandwich covariance and ability scoring. Nothing here needs Spark; the distributed
 * path plugs in through {@link io.github.msirt.estimate.ResponseSource}.
 */
package io.github.msirt.estimate;
