package io.github.msirt.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.msirt.model.ItemParameters;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Result files: agreed columns, full precision, no locale, JSON in key order. */
class ResultFilesTest {
  private static final List<String> ITEMS = List.of("i01", "i,02");
  private static final ItemParameters PARAMETERS =
      new ItemParameters(ITEMS, new double[] {1.2, 0.1 + 0.2}, new double[] {-0.5, 1e-7});
  private static final double[][] COVARIANCE = {
      {0.04, 0.0, 0.01, 0.0},
      {0.0, 0.09, 0.0, -0.02},
      {0.01, 0.0, 0.0225, 0.0},
      {0.0, -0.02, 0.0, 0.16}};

  @TempDir
  Path temp;

  @Test
  void itemParametersKeepFullPrecisionWhateverTheLocale() throws IOException {
    Locale before = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
    Path file = temp.resolve("item_parameters.csv");
    try {
      ResultFiles.writeItemParameters(file, PARAMETERS, COVARIANCE);
    } finally {
      Locale.setDefault(before);
    }

    List<String> lines = Files.readAllLines(file);
    assertEquals("item,a,d,b,se_a,se_d,se_b", lines.get(0));
    String[] first = lines.get(1).split(",");
    assertEquals("i01", first[0]);
    assertEquals("1.2", first[1]);
    assertEquals(0.1 + 0.2, Double.parseDouble(lines.get(2).split(",")[2]));
    assertEquals("1.0E-7", lines.get(2).split(",")[3]);
    assertTrue(lines.get(2).startsWith("\"i,02\","), lines.get(2));
  }

  @Test
  void difficultyStandardErrorMatchesTheDeltaMethodByFiniteDifferences() throws IOException {
    Path file = temp.resolve("item_parameters.csv");

    ResultFiles.writeItemParameters(file, PARAMETERS, COVARIANCE);

    double a = 1.2;
    double d = -0.5;
    double step = 1e-6;
    double slope = (-d / (a + step) + d / (a - step)) / (2 * step);
    double intercept = (-(d + step) / a + (d - step) / a) / (2 * step);
    double variance = slope * slope * 0.04 + intercept * intercept * 0.0225
        + 2 * slope * intercept * 0.01;
    double written = Double.parseDouble(Files.readAllLines(file).get(1).split(",")[6]);
    assertEquals(Math.sqrt(variance), written, 1e-8);
  }

  @Test
  void missingCovarianceGivesNotAvailableErrors() throws IOException {
    Path file = temp.resolve("item_parameters.csv");

    ResultFiles.writeItemParameters(file, PARAMETERS, null);

    assertTrue(Files.readAllLines(file).get(1).endsWith(",NA,NA,NA"));
  }

  @Test
  void covarianceIsLabelledSlopesThenIntercepts() throws IOException {
    Path file = temp.resolve("vcov.csv");

    ResultFiles.writeCovariance(file, ITEMS, COVARIANCE);

    List<String> lines = Files.readAllLines(file);
    assertEquals("parameter,a_i01,\"a_i,02\",d_i01,\"d_i,02\"", lines.get(0));
    assertEquals("d_i01,0.01,0.0,0.0225,0.0", lines.get(3));
    assertEquals(5, lines.size());
  }

  @Test
  void tuningAndScoreFilesHaveTheAgreedColumns() throws IOException {
    Path tuning = temp.resolve("lambda_tuning.csv");
    Path scores = temp.resolve("scores.csv");

    ResultFiles.writeLambdaTuning(tuning, List.of(
        new LambdaTuningRow("1", 0.25, 0.01, Double.POSITIVE_INFINITY, false, 9.5, false)));
    ResultFiles.writeScores(scores, List.of("r1", "r2"), new double[] {0.5, Double.NaN},
        new double[] {0.3, Double.NaN});

    assertEquals(List.of("fold,lambda,mean_param_var,selection_risk,converged,max_a,eligible",
        "1,0.25,0.01,Inf,false,9.5,false"), Files.readAllLines(tuning));
    assertEquals(List.of("respondent_id,theta,se", "r1,0.5,0.3", "r2,NaN,NaN"),
        Files.readAllLines(scores));
  }

  @Test
  void summaryJsonKeepsKeyOrderAndFullPrecision() throws IOException {
    Path file = temp.resolve("summary.json");
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("lambda", 0.1 + 0.2);
    summary.put("empty_respondents_dropped", 25);
    summary.put("observed_cells_per_item", Map.of("i06", 406L));

    ResultFiles.writeSummary(file, summary);

    JsonNode read = new ObjectMapper().readTree(file.toFile());
    assertEquals(0.1 + 0.2, read.get("lambda").doubleValue());
    assertEquals(406, read.get("observed_cells_per_item").get("i06").intValue());
    assertEquals("lambda", read.fieldNames().next());
  }
}
