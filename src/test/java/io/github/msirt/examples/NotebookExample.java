package io.github.msirt.examples;

import static org.apache.spark.sql.functions.col;

import io.github.msirt.ml.CalibrationResult;
import io.github.msirt.ml.MixedSubjectsIrt;
import io.github.msirt.ml.MixedSubjectsIrtModel;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Calibrates the bundled ICAR items from DataFrames, as one would in a notebook: read O, P
 * and G with Spark's CSV reader, fit with the tuned lambda, show the item parameters, score
 * the human respondents, and save and reload the calibration.
 *
 * <p>Run from the project folder, after {@code mvn -q -B test-compile
 * dependency:build-classpath -Dmdep.outputFile=cp.txt}:
 * <pre>
 *   java --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
 *     -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     io.github.msirt.examples.NotebookExample [data folder] [output folder]
 * </pre>
 * The data folder defaults to {@code testdata/icar-mixed}, the output folder to a new
 * temporary folder.
 */
public final class NotebookExample {
  private static final String ID = "respondent_id";

  private NotebookExample() {
  }

  /**
   * @param args optional data folder and output folder
   * @throws IOException if the temporary output folder cannot be made
   */
  public static void main(String[] args) throws IOException {
    String data = args.length > 0 ? args[0] : "testdata/icar-mixed";
    String out = args.length > 1 ? args[1]
        : Files.createTempDirectory("msirt-example").toString();

    // A local session on the loopback address, without the web UI
    SparkSession spark = SparkSession.builder()
        .master("local[2]")
        .appName("msirt-notebook-example")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
    try {
      run(spark, data, out + "/calibration");
    } finally {
      spark.stop();
    }
  }

  /**
   * The example itself, on a session the caller owns.
   *
   * @param spark the session
   * @param data folder with observed.csv, predicted.csv and generated.csv
   * @param calibration folder to save the calibration to (replaced if it exists)
   * @return the reloaded model
   * @throws IOException if the calibration cannot be saved
   */
  public static MixedSubjectsIrtModel run(SparkSession spark, String data, String calibration)
      throws IOException {
    Dataset<Row> observed = readResponses(spark, data + "/observed.csv");
    Dataset<Row> predicted = readResponses(spark, data + "/predicted.csv");
    Dataset<Row> generated = readResponses(spark, data + "/generated.csv");

    // Calibrate with lambda tuned by cross-fitting
    MixedSubjectsIrtModel model = new MixedSubjectsIrt()
        .setIdCol(ID)
        .setTuner("crossfit")
        .setFolds(2)
        .setSeed(1)
        .fit(observed, predicted, generated);
    CalibrationResult.Diagnostics diagnostics = model.diagnostics();
    System.out.printf("lambda %.4f (%s); n %.0f, N %.0f, lambda_max %.4f, converged %s%n",
        model.fittedLambda(), model.result().tuner(), diagnostics.observedRespondents(),
        diagnostics.generatedRespondents(), diagnostics.lambdaMax(), diagnostics.converged());
    model.itemParameters().show(false);
    model.lambdaTuning().show(false);

    // Score the human respondents, with EAP scores too
    Dataset<Row> scores = model.setIncludeEap(true).transform(observed)
        .select(ID, "theta", "se", "theta_status", "theta_eap", "theta_eap_sd");
    scores.show(5, false);

    // Save, reload and compare
    model.write().overwrite().save(calibration);
    MixedSubjectsIrtModel loaded = MixedSubjectsIrtModel.load(calibration);
    boolean same = Arrays.equals(model.parameters().toVector(), loaded.parameters().toVector())
        && model.getThetaLower() == loaded.getThetaLower()
        && model.getThetaUpper() == loaded.getThetaUpper();
    System.out.printf("saved to %s; the reloaded model has %s parameters and bounds%n",
        calibration, same ? "the same" : "different");
    return loaded;
  }

  /**
   * Reads a CSV of responses: the id column as text, every other column as an int item.
   * Item names such as {@code reason.4} hold dots, so columns are quoted.
   */
  private static Dataset<Row> readResponses(SparkSession spark, String file) {
    Dataset<Row> raw = spark.read().option("header", true).csv(file);
    List<Column> columns = new ArrayList<>();
    for (String name : raw.columns()) {
      Column column = col("`" + name + "`");
      columns.add(name.equals(ID) ? column : column.cast("int").as(name));
    }
    return raw.select(columns.toArray(new Column[0]));
  }
}
