package io.github.msirt.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.OracleCase;
import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.MixedSubjectsData;
import io.github.msirt.spark.SparkTestBase;
import io.github.msirt.tune.CalibrationOutcome;
import io.github.msirt.tune.Calibrator;
import io.github.msirt.tune.TuningOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fits through the estimator against the in-memory calibration workflow. */
class MixedSubjectsIrtTest extends SparkTestBase {
  private static final double TOLERANCE = 1e-9;
  private static final CalibrationSettings SETTINGS = CalibrationSettings.defaults();

  @TempDir
  Path folder;

  @Test
  void fitAtAFixedLambdaEqualsTheCalibratorAndLeavesTheSessionUsable() {
    OracleCase oracle = OracleCase.load("case06");
    MixedSubjectsIrtModel model = new MixedSubjectsIrt().setLambda(0.5).fit(
        TestFrames.wide(spark, oracle.observed()),
        TestFrames.reversed(spark, oracle.predicted()),
        TestFrames.reversed(spark, oracle.generated()));
    CalibrationOutcome expected = new Calibrator(SETTINGS).calibrate(oracle.data(), 0.5);

    assertParametersMatch(expected, model);
    assertEquals("fixed", model.result().tuner());
    assertEquals(0.5, model.fittedLambda());
    CalibrationResult.Diagnostics diagnostics = model.diagnostics();
    assertEquals(400, diagnostics.observedRespondents());
    assertEquals(1200, diagnostics.generatedRespondents());
    assertEquals(1200.0 / 1600.0, diagnostics.lambdaMax(), 1e-15);
    assertTrue(diagnostics.converged());
    assertEquals(expected.fit().passes(), diagnostics.passes());

    // The caller's session still runs queries with its own settings
    assertFalse(spark.sparkContext().isStopped());
    assertEquals(10, spark.range(10).count());
    assertEquals("4", spark.conf().get("spark.sql.shuffle.partitions"));
  }

  private static void assertParametersMatch(CalibrationOutcome expected,
      MixedSubjectsIrtModel model) {
    assertEquals(expected.fit().parameters().items(), model.items());
    assertArrayEquals(expected.fit().parameters().toVector(), model.parameters().toVector(),
        TOLERANCE);
    double[][] covariance = expected.covariance().matrix();
    for (int u = 0; u < covariance.length; u++) {
      assertArrayEquals(covariance[u], model.covariance()[u], TOLERANCE);
    }
  }

  @Test
  void tunedFitEqualsTheCalibratorsCrossFittedTuningAndShowsItsTables() {
    OracleCase oracle = OracleCase.load("case07");
    double[] grid = {0, 0.5, 1};
    MixedSubjectsIrtModel model = new MixedSubjectsIrt().setTuner("crossfit")
        .setSearch("grid").setLambdaGrid(grid).setFolds(2).setSeed(3)
        .fit(TestFrames.wide(spark, oracle.observed()),
            TestFrames.reversed(spark, oracle.predicted()),
            TestFrames.wide(spark, oracle.generated()));
    TuningOptions options = new TuningOptions(TuningOptions.Tuner.CROSSFIT,
        TuningOptions.Search.GRID, grid, 2, null, 3L, null);
    CalibrationOutcome expected = new Calibrator(SETTINGS).tune(oracle.data(), options);

    assertEquals(expected.lambda(), model.fittedLambda(), TOLERANCE);
    assertArrayEquals(expected.lambdaByFold(), model.result().lambdaByFold(), TOLERANCE);
    assertParametersMatch(expected, model);
    Dataset<Row> tuning = model.lambdaTuning();
    assertArrayEquals(new String[] {"fold", "lambda", "mean_param_var", "selection_risk",
        "converged", "max_a", "eligible"}, tuning.columns());
    assertEquals(expected.candidates().size(), tuning.count());
    assertEquals("crossfit", model.result().tuner());
    assertItemParametersFrame(model);
  }

  private static void assertItemParametersFrame(MixedSubjectsIrtModel model) {
    Dataset<Row> table = model.itemParameters();
    assertArrayEquals(new String[] {"item", "a", "d", "b", "se_a", "se_d", "se_b"},
        table.columns());
    List<Row> rows = table.collectAsList();
    double[] errors = model.result().standardErrors();
    for (int j = 0; j < rows.size(); j++) {
      Row row = rows.get(j);
      assertEquals(model.items().get(j), row.getString(0));
      assertEquals(model.parameters().discrimination(j), row.getDouble(1));
      assertEquals(model.parameters().intercept(j), row.getDouble(2));
      assertEquals(-row.getDouble(2) / row.getDouble(1), row.getDouble(3), 1e-15);
      assertEquals(errors[j], row.getDouble(4));
      assertEquals(errors[rows.size() + j], row.getDouble(5));
      assertEquals(model.result().difficultyStandardError(j), row.getDouble(6));
    }
  }

  @Test
  void longLayoutGivesTheWideFit() {
    OracleCase oracle = OracleCase.load("case06");
    MixedSubjectsIrtModel model = new MixedSubjectsIrt().setLayout("long").setLambda(0.5)
        .fit(TestFrames.longLayout(spark, oracle.observed()),
            TestFrames.longLayout(spark, oracle.predicted()),
            TestFrames.longLayout(spark, oracle.generated()));
    CalibrationOutcome expected = new Calibrator(SETTINGS).calibrate(oracle.data(), 0.5);

    assertParametersMatch(expected, model);
    assertEquals(1200, model.diagnostics().generatedRespondents());
  }

  @Test
  void humanOnlyFitStandsInAPipelineThatSavesAndLoads() throws Exception {
    OracleCase oracle = OracleCase.load("case07");
    Dataset<Row> observed = TestFrames.wide(spark, oracle.observed());
    PipelineModel fitted = new Pipeline()
        .setStages(new PipelineStage[] {new MixedSubjectsIrt().setIncludeEap(true)})
        .fit(observed);
    CalibrationOutcome expected = new Calibrator(SETTINGS)
        .calibrate(MixedSubjectsData.humanOnly(oracle.observed()), 0.0);
    assertParametersMatch(expected, (MixedSubjectsIrtModel) fitted.stages()[0]);

    String path = folder.resolve("pipeline").toString();
    fitted.write().overwrite().save(path);
    PipelineModel loaded = PipelineModel.load(path);
    List<Row> before = fitted.transform(observed).orderBy(TestFrames.ID).collectAsList();
    List<Row> after = loaded.transform(observed).orderBy(TestFrames.ID).collectAsList();
    assertEquals(before, after);
    assertTrue(Files.exists(folder.resolve("pipeline")));
  }

  @Test
  void savedEstimatorKeepsItsParams() throws Exception {
    MixedSubjectsIrt estimator = new MixedSubjectsIrt().setTuner("ppi").setFolds(3)
        .setItemCols("q1", "q2").setLambdaGrid(List.of(0, 0.25, 0.5));
    String path = folder.resolve("estimator").toString();
    estimator.write().save(path);
    MixedSubjectsIrt loaded = MixedSubjectsIrt.load(path);

    assertEquals(estimator.uid(), loaded.uid());
    assertEquals("ppi", loaded.getTuner());
    assertEquals(3, loaded.getFolds());
    assertEquals(List.of("q1", "q2"), loaded.getItemCols());
    assertArrayEquals(new double[] {0, 0.25, 0.5}, loaded.getLambdaGrid());
    assertFalse(loaded.hasLambda());
  }
}
