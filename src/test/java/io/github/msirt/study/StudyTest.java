package io.github.msirt.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.tune.TuningOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StudyTest {
  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SparkSession.builder().master("local[2]").appName("msirt-study-test")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .getOrCreate();
  }

  @AfterAll
  static void stopSpark() {
    spark.stop();
    SparkSession.clearActiveSession();
    SparkSession.clearDefaultSession();
  }

  private static StudyDesign tinyDesign() {
    return StudyDesign.builder().sampleSizes(80, 160).heldOut(100)
        .abilityRiskSearch(TuningOptions.Search.GRID, new double[] {0, 0.5, 1})
        .settings(CalibrationSettings.builder().maxIterations(50).build()).build();
  }

  @Test
  void tinyStudyRunsOnLocalSparkAndWritesItsTables(@TempDir Path out) throws IOException {
    Study.Outcome outcome = Study.run(spark, 4, 11L, out, tinyDesign());

    assertEquals(16, outcome.summary().results().size(), "4 replications x 4 regimes");
    for (String file : List.of("lambda.csv", "coverage.csv", "bias.csv",
        "bias-by-parameter.csv", "heldout-rmse.csv", "crossfit.csv", "runs.csv",
        "replications.csv", "study.md", "lambda-by-regime.svg", "coverage.svg",
        "heldout-rmse.svg")) {
      assertTrue(Files.size(out.resolve(file)) > 0, file);
    }
    List<String> lambda = Files.readAllLines(out.resolve("lambda.csv"));
    assertEquals("regime,tuner,replications,mean,median,sd,share_at_0", lambda.get(0));
    assertEquals(1 + 4 * 3, lambda.size(), "a row per regime and tuner");
    assertTrue(Files.readString(out.resolve("coverage.svg")).contains("<svg"));
    assertTrue(Files.readString(out.resolve("study.md")).contains("| regime |"));
    for (ReplicationResult row : outcome.summary().of(Regime.PERFECT)) {
      assertEquals(160.0 / 240.0, row.ppiLambda(), 1e-9, "P = O gives N/(n+N)");
    }
  }

  @Test
  void replicationSeedsAreReproducibleAndDistinct() {
    List<Study.Task> first = Study.tasks(3, 42L);
    assertEquals(first, Study.tasks(3, 42L));
    assertEquals(3, first.stream().mapToLong(Study.Task::seed).distinct().count());
  }
}
