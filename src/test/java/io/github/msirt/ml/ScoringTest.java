package io.github.msirt.ml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.OracleCase;
import io.github.msirt.estimate.AbilityScore;
import io.github.msirt.estimate.AbilityScorer;
import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.MixedSubjectsData;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.Quadrature;
import io.github.msirt.model.ResponseMatrix;
import io.github.msirt.spark.SparkTestBase;
import io.github.msirt.tune.Calibrator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.SparkException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The model's transform against the in-memory ability scorer. */
class ScoringTest extends SparkTestBase {
  private static final CalibrationSettings SETTINGS = CalibrationSettings.defaults();

  /** A model of the human-only fit of a case, made without Spark. */
  static MixedSubjectsIrtModel humanOnlyModel(ResponseMatrix observed) {
    Calibrator calibrator = new Calibrator(SETTINGS);
    return MixedSubjectsIrtModel.of(CalibrationResult.of(
        calibrator.calibrate(MixedSubjectsData.humanOnly(observed), 0.0), SETTINGS));
  }

  @Test
  void scoresEqualTheAbilityScorerOnEveryOracleCase() {
    for (String name : OracleCase.ALL) {
      OracleCase oracle = OracleCase.load(name);
      MixedSubjectsIrtModel model = humanOnlyModel(oracle.observed()).setIncludeEap(true);
      for (ResponseMatrix matrix : List.of(oracle.observed(), oracle.predicted(),
          oracle.generated())) {
        assertScoresEqualScorer(name, model, matrix);
      }
    }
  }

  private static void assertScoresEqualScorer(String name, MixedSubjectsIrtModel model,
      ResponseMatrix matrix) {
    ItemParameters parameters = model.parameters();
    AbilityScorer scorer = new AbilityScorer(parameters, -6, 6);
    Quadrature grid = Quadrature.gaussHermite(31);
    Map<String, Row> scored = byId(model.transform(TestFrames.reversed(spark, matrix)));
    assertEquals(matrix.rowCount(), scored.size(), name);
    byte[] row = new byte[matrix.itemCount()];
    for (int i = 0; i < matrix.rowCount(); i++) {
      matrix.copyRow(i, row);
      AbilityScore expected = scorer.score(row);
      double[] posterior = scorer.expectedAPosteriori(row, grid);
      Row actual = scored.get(matrix.id(i));
      String where = name + " row " + matrix.id(i);
      assertEquals(expected.theta(), actual.getDouble(actual.fieldIndex("theta")), 0.0, where);
      assertEquals(expected.standardError(), actual.getDouble(actual.fieldIndex("se")), 0.0,
          where);
      assertEquals(expected.status().name().toLowerCase(Locale.ROOT),
          actual.getString(actual.fieldIndex("theta_status")), where);
      assertEquals(posterior[0], actual.getDouble(actual.fieldIndex("theta_eap")), 0.0, where);
      assertEquals(posterior[1], actual.getDouble(actual.fieldIndex("theta_eap_sd")), 0.0,
          where);
    }
  }

  private static Map<String, Row> byId(Dataset<Row> scored) {
    Map<String, Row> rows = new HashMap<>();
    for (Row row : scored.collectAsList()) {
      rows.put(row.getString(row.fieldIndex(TestFrames.ID)), row);
    }
    return rows;
  }

  @Test
  void rowsWithoutAnswersGetNoScoreAndBoundsGetAnInfiniteStandardError() {
    MixedSubjectsIrtModel model = humanOnlyModel(OracleCase.load("case07").observed());
    List<String> items = model.items();
    StructType schema = new StructType().add("who", DataTypes.StringType);
    for (String item : items) {
      schema = schema.add(item, DataTypes.DoubleType);
    }
    List<Row> rows = List.of(row("none", items.size(), null), row("all", items.size(), 1.0),
        row("nothing", items.size(), 0.0));
    Map<String, Row> scored = new HashMap<>();
    model.setIncludeEap(true).transform(spark.createDataFrame(rows, schema)).collectAsList()
        .forEach(r -> scored.put(r.getString(0), r));

    Row none = scored.get("none");
    assertNull(none.get(none.fieldIndex("theta")));
    assertNull(none.get(none.fieldIndex("se")));
    assertEquals("no_responses", none.getString(none.fieldIndex("theta_status")));
    assertEquals(0.0, none.getDouble(none.fieldIndex("theta_eap")), 1e-12);
    Row all = scored.get("all");
    assertEquals(6.0, all.getDouble(all.fieldIndex("theta")));
    assertEquals(Double.POSITIVE_INFINITY, all.getDouble(all.fieldIndex("se")));
    assertEquals("upper_bound", all.getString(all.fieldIndex("theta_status")));
    Row nothing = scored.get("nothing");
    assertEquals(-6.0, nothing.getDouble(nothing.fieldIndex("theta")));
    assertEquals("lower_bound", nothing.getString(nothing.fieldIndex("theta_status")));
  }

  private static Row row(String who, int items, Double value) {
    Object[] values = new Object[items + 1];
    values[0] = who;
    Arrays.fill(values, 1, values.length, value);
    return RowFactory.create(values);
  }

  @Test
  void aValueOtherThanZeroOrOneFailsTheJobNamingItemAndValue() {
    MixedSubjectsIrtModel model = humanOnlyModel(OracleCase.load("case07").observed());
    List<String> items = model.items();
    StructType schema = new StructType().add("who", DataTypes.StringType);
    for (String item : items) {
      schema = schema.add(item, DataTypes.IntegerType);
    }
    Object[] values = {"bad", 1, 0, 2, 1, 0};
    Dataset<Row> frame = spark.createDataFrame(List.of(RowFactory.create(values)), schema);
    SparkException error = assertThrows(SparkException.class,
        () -> model.transform(frame).collectAsList());
    String message = String.valueOf(error.getMessage());
    assertTrue(message.contains("item " + items.get(2) + " holds 2"), message);
  }

  @Test
  void missingItemColumnsAndTakenScoreNamesAreRefusedBeforeAnyJob() {
    MixedSubjectsIrtModel model = humanOnlyModel(OracleCase.load("case07").observed());
    Dataset<Row> frame = TestFrames.wide(spark, OracleCase.load("case07").observed());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> model.transform(frame.drop("item03")));
    assertTrue(missing.getMessage().contains("[item03]"), missing.getMessage());
    IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
        () -> model.transform(frame.withColumnRenamed(TestFrames.ID, "theta")));
    assertTrue(taken.getMessage().contains("already have a column theta"),
        taken.getMessage());
  }
}
