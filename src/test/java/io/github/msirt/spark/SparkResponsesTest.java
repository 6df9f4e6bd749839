package io.github.msirt.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.estimate.Detail;
import io.github.msirt.estimate.EStepStatistics;
import io.github.msirt.estimate.LocalResponses;
import io.github.msirt.estimate.NodeTable;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.Quadrature;
import io.github.msirt.model.ResponseMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Distributed and driver-side passes against the in-memory accumulation over the raw rows,
 * on the generated responses of the oracle cases.
 */
class SparkResponsesTest extends SparkTestBase {
  private static final Logger LOG = LoggerFactory.getLogger(SparkResponsesTest.class);
  private static final Quadrature GRID = Quadrature.gaussHermite(31);
  private static final String[] CASES = {"case01", "case02", "case03", "case06", "case07"};
  private static final int[] PARTITIONS = {1, 2, 7, 64};
  private static double worstDifference;

  @AfterAll
  static void reportWorstDifference() {
    LOG.info("largest relative difference from the in-memory pass: {}", worstDifference);
  }

  static Stream<Arguments> casesAndPartitions() {
    List<Arguments> arguments = new ArrayList<>();
    for (String oracleCase : CASES) {
      for (int partitions : PARTITIONS) {
        arguments.add(Arguments.of(oracleCase, partitions, Compression.NEVER));
        arguments.add(Arguments.of(oracleCase, partitions, Compression.ALWAYS));
      }
    }
    return arguments.stream();
  }

  /**
   * Builds the source, runs one pass per detail level and compares each with the in-memory
   * pass over the raw rows.
   */
  static void checkAgainstInMemory(ResponseMatrix matrix, SparkResponses source,
      String label) {
    ItemParameters parameters = ResponseFrames.someParameters(matrix.items());
    NodeTable table = new NodeTable(parameters, GRID);
    for (Detail detail : Detail.values()) {
      EStepStatistics expected = LocalResponses.accumulate(matrix, table, detail);
      EStepStatistics actual = source.pass(parameters, GRID, detail, label + " " + detail);
      double difference = StatisticsAssertions.assertSameStatistics(expected, actual, table,
          StatisticsAssertions.TOLERANCE, label + " " + detail);
      worstDifference = Math.max(worstDifference, difference);
    }
  }

  @ParameterizedTest(name = "{0}, {1} partitions, compression {2}")
  @MethodSource("casesAndPartitions")
  void distributedPassMatchesInMemoryPassAtEveryPartitionCount(String oracleCase,
      int partitions, Compression compression) {
    ResponseMatrix matrix = ResponseFrames.generated(oracleCase);
    try (SparkResponses source = SparkResponses.builder(
            ResponseFrames.frame(spark, matrix), matrix.items())
        .idColumn(ResponseFrames.ID)
        .compression(compression)
        .driverPatternLimit(0)
        .partitions(partitions)
        .passTasksPerCore(partitions)
        .blockRows(100)
        .build()) {
      assertFalse(source.isOnDriver());
      assertEquals(compression == Compression.ALWAYS, source.isCompressed());
      assertEquals(partitions, source.blocks().getNumPartitions());
      checkAgainstInMemory(matrix, source, oracleCase + " in " + partitions + " partitions");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"case01", "case02", "case03", "case06", "case07"})
  void patternsCollectedToTheDriverMatchInMemoryPass(String oracleCase) {
    ResponseMatrix matrix = ResponseFrames.generated(oracleCase);
    try (SparkResponses source =
        SparkResponses.builder(ResponseFrames.frame(spark, matrix), matrix.items()).build()) {
      assertTrue(source.isOnDriver());
      assertTrue(source.isCompressed());
      assertEquals(matrix.distinctPatterns().rowCount(), source.patternCount());
      assertEquals(matrix.rowCount(), source.rowCount());
      checkAgainstInMemory(matrix, source, oracleCase + " on the driver");
    }
  }

  @Test
  void itemsBeyondOnePackedWordSurviveCompressionAndPacking() {
    ResponseMatrix matrix = ResponseFrames.random(300, 70, 0.1, 11);
    for (Compression compression : new Compression[] {Compression.NEVER, Compression.ALWAYS}) {
      try (SparkResponses source =
          SparkResponses.builder(ResponseFrames.frame(spark, matrix), matrix.items())
              .compression(compression)
              .driverPatternLimit(0)
              .partitions(3)
              .build()) {
        checkAgainstInMemory(matrix, source, "70 items, compression " + compression);
      }
    }
  }

  @Test
  void passOverManyPartitionsRunsInBoundedTasksWithTheSameResult() {
    List<Integer> taskCounts = new CopyOnWriteArrayList<>();
    String phase = "bounded tasks";
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override
      public void onStageSubmitted(SparkListenerStageSubmitted event) {
        String description = event.properties().getProperty("spark.job.description");
        if (description != null && description.startsWith(phase)) {
          taskCounts.add(event.stageInfo().numTasks());
        }
      }
    });
    ResponseMatrix matrix = ResponseFrames.generated("case07");
    try (SparkResponses source =
        SparkResponses.builder(ResponseFrames.frame(spark, matrix), matrix.items())
            .compression(Compression.NEVER)
            .partitions(64)
            .passTasksPerCore(2)
            .build()) {
      checkAgainstInMemory(matrix, source, phase);
    }

    // local[2] has 2 cores, so 2 tasks per core allow 4 for each of the 3 passes
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (taskCounts.size() < 3 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(List.of(4, 4, 4), taskCounts);
  }

  @Test
  void compressionCollapsesRepeatedRowsToTheirDistinctPatterns() {
    ResponseMatrix matrix = ResponseFrames.generated("case06");
    try (SparkResponses source =
        SparkResponses.builder(ResponseFrames.frame(spark, matrix), matrix.items())
            .compression(Compression.ALWAYS)
            .driverPatternLimit(0)
            .build()) {
      long expected = matrix.distinctPatterns().rowCount();
      assertEquals(expected, source.patternCount());
      assertTrue(expected < matrix.rowCount(), "case06 repeats some patterns");
      EStepStatistics statistics = source.pass(ResponseFrames.someParameters(matrix.items()),
          GRID, Detail.LIKELIHOOD, "count rows");
      assertEquals(matrix.rowCount(),
          statistics.respondents() + statistics.emptyRespondents(), 0.0);
    }
  }
}
