package io.github.msirt.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.msirt.model.ItemParameters;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes the result files of a run: {@code item_parameters.csv}, {@code vcov.csv},
 * {@code lambda_tuning.csv}, {@code scores.csv} and {@code summary.json}.
 *
 * <p>Numbers are written at full precision by {@link Double#toString}, which never depends on
 * the locale and reads back to the same double; {@code NaN} and infinities are written as
 * {@code NaN}, {@code Inf} and {@code -Inf}, and an unavailable value as {@code NA}. Files are
 * UTF-8 with LF line ends. Parameters are in slope-intercept form, {@code b = -d / a}; every
 * flat vector and covariance is ordered all discriminations, then all intercepts.
 */
public final class ResultFiles {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT);

  private ResultFiles() {
  }

  /**
   * Writes {@code item,a,d,b,se_a,se_d,se_b}, one row per item. The standard error of
   * {@code b = -d/a} comes from the delta method:
   * {@code var(b) = (d/a^2)^2 var(a) + (1/a)^2 var(d) - 2 (d/a^3) cov(a, d)}.
   *
   * @param file the file to write
   * @param parameters the estimates
   * @param covariance their {@code 2J x 2J} covariance (a's, then d's), or {@code null} to
   *     write {@code NA} standard errors
   */
  public static void writeItemParameters(Path file, ItemParameters parameters,
      double[][] covariance) {
    int count = parameters.itemCount();
    requireSquare(covariance, 2 * count);
    List<String> lines = new ArrayList<>();
    lines.add("item,a,d,b,se_a,se_d,se_b");
    for (int j = 0; j < count; j++) {
      double a = parameters.discrimination(j);
      double d = parameters.intercept(j);
      String errors = covariance == null ? "NA,NA,NA" : String.join(",",
          number(Math.sqrt(covariance[j][j])),
          number(Math.sqrt(covariance[count + j][count + j])),
          number(difficultyStandardError(a, d, covariance, j, count)));
      lines.add(text(parameters.items().get(j)) + "," + number(a) + "," + number(d) + ","
          + number(parameters.difficulty(j)) + "," + errors);
    }
    writeLines(file, lines);
  }

  private static double difficultyStandardError(double a, double d, double[][] covariance,
      int j, int count) {
    double slopeGradient = d / (a * a);
    double interceptGradient = -1.0 / a;
    double variance = slopeGradient * slopeGradient * covariance[j][j]
        + interceptGradient * interceptGradient * covariance[count + j][count + j]
        + 2 * slopeGradient * interceptGradient * covariance[j][count + j];
    return Math.sqrt(variance);
  }

  /**
   * Writes the covariance with a first column {@code parameter} and one column per parameter,
   * named {@code a_<item>} for every item, then {@code d_<item>} for every item.
   *
   * @param file the file to write
   * @param items item names
   * @param covariance the {@code 2J x 2J} covariance in that order
   */
  public static void writeCovariance(Path file, List<String> items, double[][] covariance) {
    List<String> names = ItemParameters.parameterNames(items);
    requireSquare(covariance, names.size());
    List<String> lines = new ArrayList<>();
    List<String> header = new ArrayList<>();
    header.add("parameter");
    names.forEach(name -> header.add(text(name)));
    lines.add(String.join(",", header));
    for (int row = 0; row < names.size(); row++) {
      StringBuilder line = new StringBuilder(text(names.get(row)));
      for (double value : covariance[row]) {
        line.append(',').append(number(value));
      }
      lines.add(line.toString());
    }
    writeLines(file, lines);
  }

  /**
   * Writes {@code fold,lambda,mean_param_var,selection_risk,converged,max_a,eligible}.
   *
   * @param file the file to write
   * @param rows the candidates, in the order to show them
   */
  public static void writeLambdaTuning(Path file, List<LambdaTuningRow> rows) {
    List<String> lines = new ArrayList<>();
    lines.add("fold,lambda,mean_param_var,selection_risk,converged,max_a,eligible");
    for (LambdaTuningRow row : rows) {
      lines.add(String.join(",", text(row.fold()), number(row.lambda()),
          number(row.meanParamVar()), number(row.selectionRisk()),
          Boolean.toString(row.converged()), number(row.maxA()),
          Boolean.toString(row.eligible())));
    }
    writeLines(file, lines);
  }

  /**
   * Writes {@code respondent_id,theta,se}, one row per respondent, in the order given.
   *
   * @param file the file to write
   * @param ids respondent ids
   * @param theta ability estimates, one per id
   * @param standardErrors their standard errors, one per id
   */
  public static void writeScores(Path file, List<String> ids, double[] theta,
      double[] standardErrors) {
    if (theta.length != ids.size() || standardErrors.length != ids.size()) {
      throw new IllegalArgumentException("scores need one theta and one se per id: "
          + ids.size() + " ids, " + theta.length + " thetas, " + standardErrors.length + " se");
    }
    List<String> lines = new ArrayList<>();
    lines.add("respondent_id,theta,se");
    for (int i = 0; i < ids.size(); i++) {
      lines.add(text(ids.get(i)) + "," + number(theta[i]) + "," + number(standardErrors[i]));
    }
    writeLines(file, lines);
  }

  /**
   * Writes {@code respondent_id,theta,se,status}, one row per respondent, in the order given.
   * The status says where the score lies: {@code interior}, {@code lower_bound} or
   * {@code upper_bound} (theta clamped to the bound, se infinite), or {@code no_responses}
   * (theta and se NaN).
   *
   * @param file the file to write
   * @param ids respondent ids
   * @param theta ability estimates, one per id
   * @param standardErrors their standard errors, one per id
   * @param statuses where each estimate lies, one per id
   */
  public static void writeScores(Path file, List<String> ids, double[] theta,
      double[] standardErrors, List<String> statuses) {
    if (theta.length != ids.size() || standardErrors.length != ids.size()
        || statuses.size() != ids.size()) {
      throw new IllegalArgumentException("scores need one theta, se and status per id: "
          + ids.size() + " ids, " + theta.length + " thetas, " + standardErrors.length
          + " se, " + statuses.size() + " statuses");
    }
    List<String> lines = new ArrayList<>();
    lines.add("respondent_id,theta,se,status");
    for (int i = 0; i < ids.size(); i++) {
      lines.add(text(ids.get(i)) + "," + number(theta[i]) + "," + number(standardErrors[i])
          + "," + statuses.get(i));
    }
    writeLines(file, lines);
  }

  /**
   * Writes a JSON object with its keys in the map's order. Doubles keep full precision;
   * {@code NaN} and infinities become the strings {@code "NaN"}, {@code "Infinity"}.
   *
   * @param file the file to write
   * @param summary values: numbers, strings, booleans, lists and nested maps
   */
  public static void writeSummary(Path file, Map<String, ?> summary) {
    try {
      JSON.writeValue(file.toFile(), summary);
    } catch (IOException failure) {
      throw new UncheckedIOException("cannot write " + file, failure);
    }
  }

  /**
   * @param value a number
   * @return its shortest exact decimal form, or {@code NaN}, {@code Inf}, {@code -Inf}
   */
  public static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Inf" : "-Inf";
    }
    return Double.toString(value);
  }

  /**
   * @param value a name or id
   * @return the value, quoted when it holds a comma, quote or line break
   */
  static String text(String value) {
    if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  private static void requireSquare(double[][] matrix, int size) {
    if (matrix == null) {
      return;
    }
    for (double[] row : matrix) {
      if (row.length != size) {
        throw new IllegalArgumentException("expected a " + size + " x " + size
            + " covariance, found a row of " + row.length);
      }
    }
    if (matrix.length != size) {
      throw new IllegalArgumentException("expected a " + size + " x " + size
          + " covariance, found " + matrix.length + " rows");
    }
  }

  private static void writeLines(Path file, List<String> lines) {
    try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (String line : lines) {
        writer.write(line);
        writer.write('\n');
      }
    } catch (IOException failure) {
      throw new UncheckedIOException("cannot write " + file, failure);
    }
  }
}
