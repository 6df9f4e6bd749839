package io.github.msirt.ml;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.tune.CalibrationOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves and loads a calibration folder: the format that {@link MixedSubjectsIrtModel#write()}
 * writes, {@link MixedSubjectsIrtModel#load(String)} reads, and the command line keeps as
 * {@code calibration/}. Paths go through Hadoop's file systems, so a folder may be local,
 * on HDFS or in an object store, wherever the session can write; a path without a scheme is
 * on the session's default file system, so name a local folder on a cluster as
 * {@code file:/...} (for a {@link java.nio.file.Path}, {@code path.toUri().toString()}).
 *
 * <p>A calibration folder holds:
 * <ul>
 *   <li>{@code metadata.json}: {@code format} ({@value #FORMAT}) and {@code formatVersion}
 *   (an integer, now {@value #FORMAT_VERSION}), the model's {@code uid}, {@code items} in
 *   parameter order, {@code tuner}, {@code lambda} and {@code lambdaByFold},
 *   {@code settings} (quadrature nodes and weights, ability bounds, optimiser settings),
 *   {@code sizes} (items, n, N), {@code diagnostics} (lambda_max, passes, iterations,
 *   convergence, objective) and {@code params} (every param in Spark's JSON encoding). It is
 *   written last, so a folder whose saving was cut short has none;
 *   <li>{@code item_parameters/}: Parquet, {@code item,a,d,b,se_a,se_d,se_b};
 *   <li>{@code covariance/}: Parquet, {@code parameter,values}, one row per parameter
 *   {@code a_<item>} then {@code d_<item>}, with its covariance row in that order;
 *   <li>{@code lambda_tuning/}: Parquet,
 *   {@code fold,lambda,mean_param_var,selection_risk,converged,max_a,eligible};
 *   <li>{@code metadata/}: Spark's one-line stage header (class, uid, params), so that a
 *   saved {@link org.apache.spark.ml.PipelineModel} can hold the model.
 * </ul>
 * Doubles are stored exactly, so a loaded model scores exactly as the saved one did.
 * A reader refuses a folder without {@code metadata.json}, of another format, or of a
 * format version newer than its own.
 */
public final class CalibrationStore {
  /** The format name in {@code metadata.json}. */
  public static final String FORMAT = "msirt-calibration";

  /** The format version this library writes, and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  private static final Logger LOG = LoggerFactory.getLogger(CalibrationStore.class);
  private static final String METADATA = "metadata.json";
  private static final String ITEM_PARAMETERS = "item_parameters";
  private static final String COVARIANCE = "covariance";
  private static final String LAMBDA_TUNING = "lambda_tuning";
  private static final String SPARK_METADATA = "metadata";

  private CalibrationStore() {
  }

  /**
   * Saves a model's calibration and params.
   *
   * @param spark the session whose file systems and executors write the folder
   * @param model the model
   * @param path the folder; it must not exist, or be empty
   * @throws IllegalArgumentException if the folder exists and is not empty
   * @throws UncheckedIOException if writing fails
   */
  public static void save(SparkSession spark, MixedSubjectsIrtModel model, String path) {
    Path folder = new Path(path);
    FileSystem fs = fileSystem(spark, folder);
    requireEmpty(fs, folder);
    CalibrationResult result = model.result();

    // Tables as Parquet
    writeParquet(ResultFrames.itemParameters(spark, result), folder, ITEM_PARAMETERS);
    writeParquet(ResultFrames.covariance(spark, result), folder, COVARIANCE);
    writeParquet(ResultFrames.lambdaTuning(spark, result), folder, LAMBDA_TUNING);

    // Spark's stage header, then metadata.json last
    writeText(fs, new Path(new Path(folder, SPARK_METADATA), "part-00000"),
        sparkHeader(model, spark.version()));
    writeText(fs, new Path(folder, METADATA), CalibrationMetadata.encode(model, spark.version()));
    LOG.info("saved the calibration of {} items (lambda {}) to {}", result.items().size(),
        result.lambda(), path);
  }

  /**
   * Saves the outcome of the calibration workflow, as the command line does.
   *
   * @param spark the session whose file systems and executors write the folder
   * @param outcome what {@link io.github.msirt.tune.Calibrator} returned
   * @param settings the settings the calibrator used
   * @param path the folder; it must not exist, or be empty
   * @throws IllegalArgumentException if the folder exists and is not empty
   */
  public static void save(SparkSession spark, CalibrationOutcome outcome,
      CalibrationSettings settings, String path) {
    save(spark, MixedSubjectsIrtModel.of(CalibrationResult.of(outcome, settings)), path);
  }

  /**
   * Loads a calibration folder.
   *
   * @param spark the session whose file systems and executors read the folder
   * @param path the folder
   * @return the model, with its saved params and id
   * @throws IllegalArgumentException naming the path and the problem, if the folder does not
   *     exist, is not a calibration, is of an unknown or newer format version, or a table is
   *     missing or incomplete
   */
  public static MixedSubjectsIrtModel load(SparkSession spark, String path) {
    Path folder = new Path(path);
    FileSystem fs = fileSystem(spark, folder);
    Path metadata = new Path(folder, METADATA);
    requireCalibration(fs, folder, metadata, path);
    String where = metadata.toString();
    CalibrationMetadata.Header header = CalibrationMetadata.decode(readText(fs, metadata),
        where);

    // Tables
    TableReader tables = new TableReader(spark, folder);
    ItemParameters parameters = tables.parameters(header.items());
    double[][] covariance = tables.covariance(parameters.parameterNames());
    List<CalibrationResult.TuningCandidate> tuning = tables.tuning();
    CalibrationResult result = new CalibrationResult(parameters, covariance, header.tuner(),
        header.lambda(), header.lambdaByFold(), tuning, header.diagnostics(),
        header.settings());

    // The model with its saved params
    MixedSubjectsIrtModel model = new MixedSubjectsIrtModel(header.uid(), result);
    CalibrationMetadata.applyParams(model, header.params(), where);
    LOG.info("loaded the calibration of {} items (lambda {}) from {}", parameters.itemCount(),
        result.lambda(), path);
    return model;
  }

  private static void requireCalibration(FileSystem fs, Path folder, Path metadata,
      String path) {
    try {
      if (!fs.exists(folder)) {
        throw new IllegalArgumentException("no calibration at " + path
            + ": the folder does not exist");
      }
      if (!fs.exists(metadata)) {
        throw new IllegalArgumentException(path + " is not a calibration folder: it has no "
            + METADATA + " (a saved calibration holds " + METADATA + ", " + ITEM_PARAMETERS
            + "/ and " + COVARIANCE + "/; an interrupted save leaves none)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look into " + path, e);
    }
  }

  private static void requireEmpty(FileSystem fs, Path folder) {
    try {
      if (fs.exists(folder) && fs.listStatus(folder).length > 0) {
        throw new IllegalArgumentException("cannot save a calibration to " + folder
            + ": the folder exists and is not empty; choose a new folder, or save with"
            + " model.write().overwrite().save(path)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look into " + folder, e);
    }
  }

  /**
   * The folder's file system, without the checksum layer of the local one: the JSON files
   * then get no hidden checksum files, and stay readable after an edit by hand.
   */
  private static FileSystem fileSystem(SparkSession spark, Path folder) {
    try {
      FileSystem fs = folder.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs instanceof ChecksumFileSystem local ? local.getRawFileSystem() : fs;
    } catch (IOException e) {
      throw new UncheckedIOException("no file system for " + folder, e);
    }
  }

  private static void writeParquet(Dataset<Row> table, Path folder, String name) {
    table.coalesce(1).write().parquet(new Path(folder, name).toString());
  }

  private static void writeText(FileSystem fs, Path file, String text) {
    try (OutputStream out = fs.create(file, false)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static String readText(FileSystem fs, Path file) {
    try (InputStream in = fs.open(file)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Spark's stage header: class, timestamp, Spark version, uid and params on one line. */
  private static String sparkHeader(MixedSubjectsIrtModel model, String sparkVersion) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode header = json.createObjectNode();
    header.put("class", MixedSubjectsIrtModel.class.getName());
    header.put("timestamp", System.currentTimeMillis());
    header.put("sparkVersion", sparkVersion);
    header.put("uid", model.uid());
    header.set("paramMap", CalibrationMetadata.params(model));
    header.putObject("defaultParamMap");
    return header.toString() + "\n";
  }

  /** Reads the Parquet tables of one folder and checks them against the metadata. */
  private static final class TableReader {
    private final SparkSession spark;
    private final Path folder;

    TableReader(SparkSession spark, Path folder) {
      this.spark = spark;
      this.folder = folder;
    }

    private List<Row> rows(String name, StructType expected) {
      String table = new Path(folder, name).toString();
      Dataset<Row> frame;
      try {
        frame = spark.read().parquet(table);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("cannot read " + table + " of the calibration: "
            + e.getMessage() + "; the folder is incomplete", e);
      }
      List<String> columns = Arrays.asList(frame.columns());
      for (String column : expected.fieldNames()) {
        if (!columns.contains(column)) {
          throw new IllegalArgumentException(table + " has no column " + column
              + "; its columns are " + columns + "; the folder is damaged");
        }
      }
      return frame.select(expected.fieldNames()[0], Arrays.copyOfRange(expected.fieldNames(),
          1, expected.fieldNames().length)).collectAsList();
    }

    ItemParameters parameters(List<String> items) {
      Map<String, Row> byItem = new HashMap<>();
      for (Row row : rows(ITEM_PARAMETERS, ResultFrames.ITEM_PARAMETERS)) {
        byItem.put(row.getString(0), row);
      }
      double[] a = new double[items.size()];
      double[] d = new double[items.size()];
      for (int j = 0; j < items.size(); j++) {
        Row row = byItem.remove(items.get(j));
        if (row == null) {
          throw new IllegalArgumentException(new Path(folder, ITEM_PARAMETERS) + " has no row"
              + " for item " + items.get(j) + " of " + METADATA + "; the folder is damaged");
        }
        a[j] = row.getDouble(1);
        d[j] = row.getDouble(2);
      }
      if (!byItem.isEmpty()) {
        throw new IllegalArgumentException(new Path(folder, ITEM_PARAMETERS) + " has items "
            + byItem.keySet() + " that " + METADATA + " does not list; the folder is damaged");
      }
      return new ItemParameters(items, a, d);
    }

    double[][] covariance(List<String> names) {
      Map<String, Row> byName = new HashMap<>();
      for (Row row : rows(COVARIANCE, ResultFrames.COVARIANCE)) {
        byName.put(row.getString(0), row);
      }
      double[][] matrix = new double[names.size()][];
      for (int u = 0; u < names.size(); u++) {
        Row row = byName.get(names.get(u));
        List<Double> values = row == null ? null : row.getList(1);
        if (values == null || values.size() != names.size()) {
          throw new IllegalArgumentException(new Path(folder, COVARIANCE) + " lacks a full"
              + " row for " + names.get(u) + "; the folder is damaged");
        }
        matrix[u] = values.stream().mapToDouble(Double::doubleValue).toArray();
      }
      return matrix;
    }

    List<CalibrationResult.TuningCandidate> tuning() {
      List<CalibrationResult.TuningCandidate> candidates = new ArrayList<>();
      for (Row row : rows(LAMBDA_TUNING, ResultFrames.LAMBDA_TUNING)) {
        candidates.add(new CalibrationResult.TuningCandidate(row.getString(0),
            row.getDouble(1), row.getDouble(2), row.getDouble(3), row.getBoolean(4),
            row.getDouble(5), row.getBoolean(6)));
      }
      return candidates;
    }
  }
}
