package io.github.msirt.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.estimate.Detail;
import io.github.msirt.estimate.EStepStatistics;
import io.github.msirt.estimate.LocalResponses;
import io.github.msirt.estimate.NodeTable;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.Quadrature;
import io.github.msirt.model.ResponseMatrix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Input checks, column types, the compression decision and the labelling of Spark jobs. */
class ResponseColumnsTest extends SparkTestBase {
  private static final Quadrature GRID = Quadrature.gaussHermite(21);
  private static final List<String> ITEMS = List.of("item1", "item2");

  private static Dataset<Row> twoItems(DataType secondType, Object secondValue) {
    StructType schema = new StructType()
        .add("item1", DataTypes.IntegerType)
        .add("item2", secondType);
    List<Row> rows = new ArrayList<>();
    rows.add(RowFactory.create(1, null));
    rows.add(RowFactory.create(0, secondValue));
    return ResponseFrames.frame(spark, schema, rows);
  }

  private static IllegalArgumentException rejection(Dataset<Row> data) {
    return assertThrows(IllegalArgumentException.class,
        () -> SparkResponses.builder(data, ITEMS).build());
  }

  @Test
  void everyAcceptedColumnTypeGivesTheSameStatistics() {
    ResponseMatrix matrix = ResponseFrames.generated("case06");
    ItemParameters parameters = ResponseFrames.someParameters(matrix.items());
    NodeTable table = new NodeTable(parameters, GRID);
    EStepStatistics expected = LocalResponses.accumulate(matrix, table, Detail.HESSIAN);
    DataType[] types = {DataTypes.ByteType, DataTypes.ShortType, DataTypes.LongType,
        DataTypes.BooleanType, DataTypes.DoubleType};
    for (DataType type : types) {
      Dataset<Row> frame = ResponseFrames.frame(spark, matrix, type);
      try (SparkResponses source = SparkResponses.builder(frame, matrix.items())
          .compression(Compression.NEVER)
          .build()) {
        EStepStatistics actual = source.pass(parameters, GRID, Detail.HESSIAN, "types");
        StatisticsAssertions.assertSameStatistics(expected, actual, table,
            StatisticsAssertions.TOLERANCE, type.simpleString());
      }
    }
  }

  @Test
  void valueOtherThanZeroOneOrNullIsRejectedNamingColumnAndValue() {
    String message = rejection(twoItems(DataTypes.DoubleType, 0.5)).getMessage();
    assertTrue(message.contains("item2 holds 0.5"), message);
    message = rejection(twoItems(DataTypes.LongType, 2L)).getMessage();
    assertTrue(message.contains("item2 holds 2"), message);
    message = rejection(twoItems(DataTypes.DoubleType, Double.NaN)).getMessage();
    assertTrue(message.contains("item2 holds NaN"), message);
  }

  @Test
  void columnOfUnusableTypeIsRejectedNamingColumnTypeAndValue() {
    String message = rejection(twoItems(DataTypes.StringType, "yes")).getMessage();
    assertTrue(message.contains("item2 (type string, for example yes)"), message);
  }

  @Test
  void missingItemColumnIsRejectedListingTheColumns() {
    Dataset<Row> data = twoItems(DataTypes.IntegerType, 1);
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> SparkResponses.builder(data, List.of("item1", "item3")).build());
    assertTrue(error.getMessage().contains("column item3 is not in the data"),
        error.getMessage());
  }

  @Test
  void idColumnListedAsAnItemIsRejected() {
    Dataset<Row> data = twoItems(DataTypes.IntegerType, 1);
    assertThrows(IllegalArgumentException.class,
        () -> SparkResponses.builder(data, ITEMS).idColumn("item2").build());
  }

  @Test
  void automaticCompressionMergesFewItemsButNotNearlyUniqueRows() {
    ResponseMatrix few = ResponseFrames.generated("case07");
    try (SparkResponses source = SparkResponses.builder(
        ResponseFrames.frame(spark, few), few.items()).driverPatternLimit(0).build()) {
      assertTrue(source.isCompressed(), "5 items allow at most 243 patterns");
    }
    ResponseMatrix unique = ResponseFrames.random(400, 40, 0.0, 5);
    try (SparkResponses source = SparkResponses.builder(
        ResponseFrames.frame(spark, unique), unique.items()).driverPatternLimit(0).build()) {
      assertFalse(source.isCompressed(), "400 random rows of 40 items are all distinct");
      assertEquals(400, source.patternCount());
    }
  }

  @Test
  void passJobsCarryThePhaseAndRestoreTheCallersJobGroup() {
    List<String> descriptions = new CopyOnWriteArrayList<>();
    spark.sparkContext().addSparkListener(new SparkListener() {
      @Override
      public void onJobStart(SparkListenerJobStart event) {
        descriptions.add(
            String.valueOf(event.properties().getProperty("spark.job.description")));
      }
    });
    ResponseMatrix matrix = ResponseFrames.generated("case07");
    spark.sparkContext().setJobGroup("caller", "caller's work", false);
    try (SparkResponses source = SparkResponses.builder(
        ResponseFrames.frame(spark, matrix), matrix.items()).driverPatternLimit(0).build()) {
      source.pass(ResponseFrames.someParameters(matrix.items()), GRID, Detail.GRADIENT,
          "tune lambda=0.30 fold 2/2 pass 4");
    }
    assertEquals("caller", spark.sparkContext().getLocalProperty("spark.jobGroup.id"));
    spark.sparkContext().clearJobGroup();

    // Listener events arrive asynchronously
    String phase = "tune lambda=0.30 fold 2/2 pass 4";
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!descriptions.contains(phase) && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertTrue(descriptions.contains(phase), descriptions.toString());
    assertTrue(descriptions.contains("msirt: check response columns"), descriptions.toString());
  }

  @Test
  void closedSourceRefusesDistributedPasses() {
    ResponseMatrix matrix = ResponseFrames.generated("case07");
    SparkResponses source = SparkResponses.builder(ResponseFrames.frame(spark, matrix),
        matrix.items()).driverPatternLimit(0).build();
    source.close();
    assertThrows(IllegalStateException.class, () -> source.pass(
        ResponseFrames.someParameters(matrix.items()), GRID, Detail.LIKELIHOOD, "closed"));
  }

  @Test
  void parametersForOtherItemsAreRejected() {
    ResponseMatrix matrix = ResponseFrames.generated("case07");
    try (SparkResponses source = SparkResponses.builder(
        ResponseFrames.frame(spark, matrix), matrix.items()).build()) {
      List<String> reversed = new ArrayList<>(matrix.items());
      Collections.reverse(reversed);
      assertThrows(IllegalArgumentException.class, () -> source.pass(
          ResponseFrames.someParameters(reversed), GRID, Detail.LIKELIHOOD, "wrong order"));
    }
  }
}
