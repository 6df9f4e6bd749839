/**
 * Distributed E-step passes over response data held in Spark.
 *
 * <p>{@link io.github.msirt.spark.SparkResponses} turns a wide {@code Dataset<Row>} (one 0/1
 * column per item, null for a missing cell) into a {@link
 * io.github.msirt.estimate.ResponseSource}: rows are packed into 2-bit codes on the
 * executors, optionally reduced to distinct response patterns with counts, and cached, so
 * that every pass of the estimator is a single {@code treeAggregate} of {@link
 * io.github.msirt.estimate.EStepStatistics} that never re-reads the source. When the
 * distinct patterns are few enough they are collected to the driver and passed over there
 * without any Spark job.
 *
 * <p>The numerical work stays in {@code io.github.msirt.estimate}; this package only moves
 * rows and merges statistics, so a distributed pass equals an in-memory pass up to the order
 * of summation.
 */
package io.github.msirt.spark;
