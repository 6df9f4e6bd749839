package io.github.msirt.spark;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.estimate.Detail;
import io.github.msirt.estimate.EStepStatistics;
import io.github.msirt.estimate.LocalResponses;
import io.github.msirt.estimate.NodeTable;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.Quadrature;
import io.github.msirt.model.ResponseMatrix;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failed E-step tasks are retried by Spark, and the partial statistics of a failed attempt
 * leave no trace in the result.
 */
class TaskRetryTest {
  private static final Logger LOG = LoggerFactory.getLogger(TaskRetryTest.class);
  private static final Quadrature GRID = Quadrature.gaussHermite(31);
  private static final AtomicInteger FAILED_TASKS = new AtomicInteger();
  private static SparkSession spark;

  @BeforeAll
  static void startSparkAllowingRetries() {
    spark = SparkTestBase.localSession("local[2,4]");
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd event) {
        if (event.taskInfo().failed()) {
          FAILED_TASKS.incrementAndGet();
        }
      }
    });
  }

  @AfterAll
  static void stopSpark() {
    SparkTestBase.stop(spark);
  }

  // Each even partition's first attempt dies after its first block was already added.
  private static JavaRDD<PatternBlock> failingFirstAttempts(JavaRDD<PatternBlock> blocks) {
    return blocks.mapPartitions(partition -> new Iterator<PatternBlock>() {
      private int served;

      @Override
      public boolean hasNext() {
        return partition.hasNext();
      }

      @Override
      public PatternBlock next() {
        TaskContext task = TaskContext.get();
        if (served++ == 1 && task.attemptNumber() == 0 && task.partitionId() % 2 == 0) {
          throw new IllegalStateException("injected failure in partition "
              + task.partitionId());
        }
        return partition.next();
      }
    });
  }

  @Test
  void retriedTasksGiveTheStatisticsOfACleanRun() {
    ResponseMatrix matrix = ResponseFrames.generated("case06");
    ItemParameters parameters = ResponseFrames.someParameters(matrix.items());
    NodeTable table = new NodeTable(parameters, GRID);
    try (SparkResponses source = SparkResponses.builder(
            ResponseFrames.frame(spark, matrix), matrix.items())
        .compression(Compression.NEVER)
        .partitions(4)
        .blockRows(100)
        .build()) {
      for (Detail detail : Detail.values()) {
        EStepStatistics clean = DistributedPass.aggregate(source.blocks(), table, detail, 2);
        int failedBefore = FAILED_TASKS.get();
        EStepStatistics retried = DistributedPass.aggregate(
            failingFirstAttempts(source.blocks()), table, detail, 2);

        // Two of four partitions failed once; both runs equal the in-memory pass
        waitForFailures(failedBefore + 2);
        double difference = StatisticsAssertions.assertSameStatistics(clean, retried, table,
            1e-12, "retried " + detail);
        LOG.info("{}: {} failed attempts retried, largest relative difference from the clean"
            + " run {}", detail, FAILED_TASKS.get() - failedBefore, difference);
        StatisticsAssertions.assertSameStatistics(
            LocalResponses.accumulate(matrix, table, detail), retried, table,
            StatisticsAssertions.TOLERANCE, "in memory " + detail);
      }
    }
  }

  private static void waitForFailures(int expected) {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (FAILED_TASKS.get() < expected && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertTrue(FAILED_TASKS.get() >= expected,
        "expected " + expected + " failed task attempts, saw " + FAILED_TASKS.get());
  }
}
