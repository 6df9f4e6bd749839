package io.github.msirt.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.OracleCase;
import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.spark.SparkTestBase;
import io.github.msirt.tune.CalibrationOutcome;
import io.github.msirt.tune.Calibrator;
import io.github.msirt.tune.TuningOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The calibration folder: exact round trips and clear refusals. */
class CalibrationStoreTest extends SparkTestBase {
  private static final CalibrationSettings SETTINGS =
      CalibrationSettings.builder().thetaBounds(-5, 5).quadraturePoints(21).build();

  private static OracleCase oracle;
  private static CalibrationOutcome outcome;

  @TempDir
  Path folder;

  @BeforeAll
  static void calibrate() {
    oracle = OracleCase.load("case07");
    TuningOptions options = new TuningOptions(TuningOptions.Tuner.CROSSFIT,
        TuningOptions.Search.GRID, new double[] {0, 0.5, 1}, 2, null, 1L, null);
    outcome = new Calibrator(SETTINGS).tune(oracle.data(), options);
  }

  @Test
  void aSavedOutcomeLoadsBackExactlyAndScoresAsBefore() {
    String path = folder.resolve("calibration").toString();
    CalibrationStore.save(spark, outcome, SETTINGS, path);
    MixedSubjectsIrtModel saved = MixedSubjectsIrtModel.of(CalibrationResult.of(outcome,
        SETTINGS));
    MixedSubjectsIrtModel loaded = MixedSubjectsIrtModel.load(path);

    CalibrationResult before = saved.result();
    CalibrationResult after = loaded.result();
    assertArrayEquals(before.parameters().toVector(), after.parameters().toVector(), 0.0);
    for (int u = 0; u < before.covariance().length; u++) {
      assertArrayEquals(before.covariance()[u], after.covariance()[u], 0.0);
    }
    assertEquals(before.tuning(), after.tuning());
    assertEquals(before.diagnostics(), after.diagnostics());
    assertArrayEquals(before.lambdaByFold(), after.lambdaByFold(), 0.0);
    assertEquals("crossfit", after.tuner());
    assertEquals(-5.0, loaded.getThetaLower());
    assertEquals(21, after.settings().quadrature().size());
    assertArrayEquals(SETTINGS.quadrature().weights(), after.settings().quadrature().weights(),
        0.0);

    Dataset<Row> respondents = TestFrames.wide(spark, oracle.observed());
    assertEquals(scores(saved.setIncludeEap(true), respondents),
        scores(loaded.setIncludeEap(true), respondents));
  }

  private static List<Row> scores(MixedSubjectsIrtModel model, Dataset<Row> respondents) {
    return model.transform(respondents).orderBy(TestFrames.ID).collectAsList();
  }

  @Test
  void theWriterRefusesAnExistingFolderUnlessToldToOverwrite() throws IOException {
    MixedSubjectsIrtModel model = MixedSubjectsIrtModel.of(CalibrationResult.of(outcome,
        SETTINGS)).setIncludeEap(true);
    String path = folder.resolve("model").toString();
    model.write().save(path);
    IOException exists = assertThrows(IOException.class, () -> model.write().save(path));
    assertTrue(exists.getMessage().contains("already exists"), exists.getMessage());

    model.write().overwrite().save(path);
    MixedSubjectsIrtModel loaded = MixedSubjectsIrtModel.load(path);
    assertEquals(model.uid(), loaded.uid());
    assertTrue(loaded.getIncludeEap());
    assertThrows(IllegalArgumentException.class,
        () -> CalibrationStore.save(spark, model, path));
  }

  @Test
  void aFolderThatIsNotACalibrationIsRefusedByName() throws IOException {
    Path notes = Files.createDirectories(folder.resolve("notes"));
    Files.writeString(notes.resolve("readme.txt"), "not a calibration");
    IllegalArgumentException noMetadata = assertThrows(IllegalArgumentException.class,
        () -> MixedSubjectsIrtModel.load(notes.toString()));
    assertTrue(noMetadata.getMessage().contains(notes + " is not a calibration folder"),
        noMetadata.getMessage());
    assertTrue(noMetadata.getMessage().contains("metadata.json"), noMetadata.getMessage());

    Path absent = folder.resolve("absent");
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> CalibrationStore.load(spark, absent.toString()));
    assertTrue(missing.getMessage().contains(absent + ": the folder does not exist"),
        missing.getMessage());
  }

  @Test
  void aNewerOrForeignFormatIsRefusedByName() throws IOException {
    Path saved = folder.resolve("saved");
    CalibrationStore.save(spark, outcome, SETTINGS, saved.toString());
    Path metadata = saved.resolve("metadata.json");
    String text = Files.readString(metadata, StandardCharsets.UTF_8);
    assertTrue(text.contains("\"formatVersion\" : 1"), text);

    Files.writeString(metadata, text.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
    IllegalArgumentException newer = assertThrows(IllegalArgumentException.class,
        () -> CalibrationStore.load(spark, saved.toString()));
    assertTrue(newer.getMessage().contains("metadata.json is in calibration format version 2,"
        + " newer than the version 1"), newer.getMessage());
    assertTrue(newer.getMessage().contains(saved.toString()), newer.getMessage());

    Files.writeString(metadata, text.replace("msirt-calibration", "something-else"));
    IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
        () -> CalibrationStore.load(spark, saved.toString()));
    assertTrue(foreign.getMessage().contains("names format \"something-else\""),
        foreign.getMessage());
    assertFalse(foreign.getMessage().contains("newer"), foreign.getMessage());
  }
}
