/**
 * The simulation study that validates mixed-subjects calibration: replications of a 2PL
 * test drawn under four predictor regimes, run in parallel over a Spark session, and
 * summarised as tables and figures of the selected lambda, interval coverage, bias and
 * held-out ability error.
 */
package io.github.msirt.study;
