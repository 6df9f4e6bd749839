package io.github.msirt;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.msirt.estimate.MixedSubjectsData;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.ResponseMatrix;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One case of the reference outputs of the published R implementation. */
public final class OracleCase {
  /** Every case in the shared oracle folder. */
  public static final List<String> ALL = List.of("case01", "case02", "case03", "case06",
      "case07");

  private final String name;
  private final JsonNode reference;
  private final ResponseMatrix observed;
  private final ResponseMatrix predicted;
  private final ResponseMatrix generated;

  private OracleCase(String name) {
    this.name = name;
    Path folder = SharedData.path("oracle/" + name);
    try {
      this.reference = new ObjectMapper().readTree(folder.resolve("reference.json").toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.observed = SharedData.readMatrix(folder.resolve("observed.csv"));
    this.predicted = SharedData.readMatrix(folder.resolve("predicted.csv"));
    this.generated = SharedData.readMatrix(folder.resolve("generated.csv"));
  }

  /**
   * @param name e.g. {@code case07}
   * @return the case
   */
  public static OracleCase load(String name) {
    return new OracleCase(name);
  }

  /** @return the case name */
  public String name() {
    return name;
  }

  /** @return whether the case has missing cells, where the reference's Louis term is wrong */
  public boolean hasMissingCells() {
    return observed.hasMissing();
  }

  /** @return O */
  public ResponseMatrix observed() {
    return observed;
  }

  /** @return P */
  public ResponseMatrix predicted() {
    return predicted;
  }

  /** @return G */
  public ResponseMatrix generated() {
    return generated;
  }

  /** @return O, P and G together */
  public MixedSubjectsData data() {
    return MixedSubjectsData.of(observed, predicted, generated);
  }

  /**
   * @param call a key of {@code calls}
   * @return the call's JSON
   */
  public JsonNode call(String call) {
    return reference.path("calls").path(call);
  }

  /**
   * @param node a JSON object with arrays {@code a} and {@code d}
   * @return the item parameters
   */
  public ItemParameters parameters(JsonNode node) {
    return new ItemParameters(observed.items(), vector(node.path("a")),
        vector(node.path("d")));
  }

  /**
   * @param node a JSON array of numbers (null read as NaN)
   * @return the values
   */
  public static double[] vector(JsonNode node) {
    double[] values = new double[node.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = node.get(i).isNull() ? Double.NaN : node.get(i).asDouble();
    }
    return values;
  }

  /**
   * @param node a JSON array of arrays
   * @return the matrix (null rows become null)
   */
  public static double[][] matrix(JsonNode node) {
    List<double[]> rows = new ArrayList<>();
    for (JsonNode row : node) {
      rows.add(row.isNull() ? null : vector(row));
    }
    return rows.toArray(new double[0][]);
  }

  /** @return the fold of each O row, 1-based */
  public int[] folds() {
    try {
      List<String> lines = Files.readAllLines(SharedData.path("oracle/" + name + "/folds.csv"));
      int[] folds = new int[lines.size() - 1];
      for (int i = 1; i < lines.size(); i++) {
        folds[i - 1] = Integer.parseInt(lines.get(i).split(",")[1].trim());
      }
      return folds;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
