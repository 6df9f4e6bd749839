package io.github.msirt.bench;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.randn;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.github.msirt.estimate.AbilityScorer;
import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.ml.CalibrationResult;
import io.github.msirt.ml.MixedSubjectsIrtModel;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.Quadrature;
import io.github.msirt.model.ResponseMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * Throughput of {@link MixedSubjectsIrtModel#transform} on synthetic respondents made by
 * Spark: abilities drawn from N(0, 1), 2PL answers to every item, 5% of the cells missing.
 * The rows are generated on the executors and cached there (memory, spilling to disk), so
 * that the measurements do not include drawing them. Each measurement runs one aggregation
 * over the scored rows, so every row is scored and nothing but the sums reaches the driver;
 * a baseline aggregation that reads every item cell of the cached rows without scoring
 * gives the cost of reading them. Every query first runs on 1,000,000 cached rows to warm up
 * the JIT; each measurement is the faster of two runs. As a yardstick, the in-memory
 * {@link AbilityScorer} alone scores 500,000 rows of the same kind on one driver thread,
 * and then on as many threads at once as Spark has cores, which shows how much the cores
 * scale.
 *
 * <p>Run from the project folder, after {@code mvn -q -B test-compile
 * dependency:build-classpath -Dmdep.outputFile=cp.txt}:
 * <pre>
 *   java -Xmx8g --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
 *     -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     io.github.msirt.bench.ScoringBenchmark [rows] [items] [partitions]
 * </pre>
 * Defaults: 10,000,000 rows, 20 items, 8 partitions, on {@code local[2]}; 0 rows runs only
 * the in-memory yardstick.
 */
public final class ScoringBenchmark {
  private static final double MISSING_SHARE = 0.05;
  private static final long SEED = 20240101L;

  private ScoringBenchmark() {
  }

  /**
   * @param args optional rows, items and partitions
   */
  public static void main(String[] args) {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    int items = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    SparkSession spark = SparkSession.builder()
        .master("local[2]")
        .appName("msirt-scoring-benchmark")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .getOrCreate();
    try {
      run(spark, rows, items, partitions);
    } finally {
      spark.stop();
    }
  }

  private static void run(SparkSession spark, long rows, int items, int partitions) {
    ItemParameters parameters = parameters(items);
    MixedSubjectsIrtModel model = MixedSubjectsIrtModel.of(result(parameters));
    int cores = spark.sparkContext().defaultParallelism();

    // The scorer alone, as the yardstick
    scorerAlone(parameters, 500_000, cores);
    if (rows == 0) {
      return;
    }

    // Warm up the JIT on a smaller run of every measured query
    Dataset<Row> small = cached(respondents(spark, parameters, 1_000_000L, partitions));
    measure(small, model, parameters);
    small.unpersist(true);

    // Measure on the full rows
    Dataset<Row> frame = cached(respondents(spark, parameters, rows, partitions));
    double[] seconds = measure(frame, model, parameters);
    double[] again = measure(frame, model, parameters);
    System.out.printf(Locale.ROOT, "rows %d, items %d, partitions %d, cores %d%n", rows, items,
        partitions, cores);
    System.out.printf(Locale.ROOT, "read every cell of the cached rows: %.1f s%n",
        Math.min(seconds[0], again[0]));
    report("ML (theta, se, status)", rows, cores, Math.min(seconds[1], again[1]));
    report("ML and EAP", rows, cores, Math.min(seconds[2], again[2]));
    frame.unpersist(true);
  }

  private static void scorerAlone(ItemParameters parameters, int rows, int threads) {
    byte[][] cells = new byte[rows][];
    Random random = new Random(SEED);
    for (int i = 0; i < rows; i++) {
      cells[i] = draw(parameters, random.nextGaussian(), random);
    }
    AbilityScorer scorer = new AbilityScorer(parameters, -6, 6);
    Quadrature grid = Quadrature.gaussHermite(Quadrature.DEFAULT_NODES);
    double[] seconds = new double[3];
    for (int round = 0; round < 3; round++) {
      seconds[0] = timed(1, () -> scoreAll(scorer, cells));
      seconds[1] = timed(1, () -> posteriorAll(scorer, grid, cells));
      seconds[2] = timed(threads, () -> scoreAll(scorer, cells));
    }
    System.out.printf(Locale.ROOT, "AbilityScorer alone, third round: ML %.2f us a row, EAP"
        + " %.2f us a row on one thread; ML on %d threads at once %.2f us a row each%n",
        seconds[0] * 1e6 / rows, seconds[1] * 1e6 / rows, threads, seconds[2] * 1e6 / rows);
  }

  private static double timed(int threads, Runnable work) {
    long start = System.nanoTime();
    Thread[] workers = new Thread[threads];
    for (int t = 0; t < threads; t++) {
      workers[t] = new Thread(work);
      workers[t].start();
    }
    for (Thread worker : workers) {
      try {
        worker.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while timing the scorer", e);
      }
    }
    return (System.nanoTime() - start) / 1e9;
  }

  private static void scoreAll(AbilityScorer scorer, byte[][] cells) {
    double total = 0;
    for (byte[] row : cells) {
      total += scorer.score(row).theta();
    }
    checksum(total);
  }

  private static void posteriorAll(AbilityScorer scorer, Quadrature grid, byte[][] cells) {
    double total = 0;
    for (byte[] row : cells) {
      total += scorer.expectedAPosteriori(row, grid)[0];
    }
    checksum(total);
  }

  // Keeps the JIT from dropping the scoring loops as dead code.
  private static void checksum(double total) {
    if (Double.isNaN(total)) {
      System.out.println("checksum is NaN");
    }
  }

  private static byte[] draw(ItemParameters parameters, double ability, Random random) {
    byte[] row = new byte[parameters.itemCount()];
    for (int j = 0; j < row.length; j++) {
      double eta = parameters.intercept(j) + parameters.discrimination(j) * ability;
      boolean correct = random.nextDouble() < 1 / (1 + Math.exp(-eta));
      row[j] = random.nextDouble() < MISSING_SHARE ? ResponseMatrix.MISSING
          : (byte) (correct ? 1 : 0);
    }
    return row;
  }

  private static Dataset<Row> cached(Dataset<Row> frame) {
    Dataset<Row> rows = frame.persist(StorageLevel.MEMORY_AND_DISK());
    rows.count();
    return rows;
  }

  private static double[] measure(Dataset<Row> frame, MixedSubjectsIrtModel model,
      ItemParameters parameters) {
    return new double[] {readCells(frame, parameters), scored(model.setIncludeEap(false), frame),
        scored(model.setIncludeEap(true), frame)};
  }

  private static void report(String what, long rows, int cores, double seconds) {
    System.out.printf(Locale.ROOT, "%-22s %6.1f s, %,11.0f rows/s, %,9.0f rows/s per core%n",
        what, seconds, rows / seconds, rows / seconds / cores);
  }

  private static ItemParameters parameters(int items) {
    List<String> names = new ArrayList<>();
    double[] a = new double[items];
    double[] d = new double[items];
    for (int j = 0; j < items; j++) {
      names.add(String.format(Locale.ROOT, "q%02d", j + 1));
      a[j] = 0.6 + 1.4 * j / Math.max(1, items - 1);
      d[j] = -2.0 + 4.0 * ((j * 7) % items) / Math.max(1, items - 1);
    }
    return new ItemParameters(names, a, d);
  }

  private static CalibrationResult result(ItemParameters parameters) {
    int size = 2 * parameters.itemCount();
    CalibrationResult.Diagnostics diagnostics = new CalibrationResult.Diagnostics(0, 0, 0, 0,
        0, 0, true, "synthetic", 0);
    return new CalibrationResult(parameters, new double[size][size], "fixed", 0,
        new double[0], List.of(), diagnostics, CalibrationSettings.defaults());
  }

  /** Rows with an id, then one int column per item: 0, 1 or null. */
  private static Dataset<Row> respondents(SparkSession spark, ItemParameters parameters,
      long rows, int partitions) {
    Dataset<Row> ids = spark.range(0, rows, 1, partitions).withColumn("ability",
        randn(SEED));
    List<Column> columns = new ArrayList<>();
    columns.add(col("id").as("respondent_id"));
    for (int j = 0; j < parameters.itemCount(); j++) {
      Column eta = lit(parameters.intercept(j)).plus(col("ability")
          .multiply(parameters.discrimination(j)));
      Column correct = rand(SEED + 2 * j + 1).lt(lit(1.0).divide(lit(1.0).plus(exp(eta
          .multiply(-1)))));
      Column cell = when(rand(SEED + 2 * j + 2).lt(MISSING_SHARE), lit(null))
          .otherwise(correct.cast("int"));
      columns.add(cell.cast("int").as(parameters.items().get(j)));
    }
    return ids.select(columns.toArray(new Column[0]));
  }

  private static double readCells(Dataset<Row> frame, ItemParameters parameters) {
    Column cells = lit(0);
    for (String item : parameters.items()) {
      cells = cells.plus(coalesce(col(item), lit(0)));
    }
    long start = System.nanoTime();
    frame.agg(sum(cells), count(lit(1))).collectAsList();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double scored(MixedSubjectsIrtModel model, Dataset<Row> frame) {
    Dataset<Row> scores = model.transform(frame);
    Column[] totals = model.getIncludeEap()
        ? new Column[] {sum("theta_eap"), sum("theta_eap_sd"), count("theta_status")}
        : new Column[] {count("theta_status")};
    long start = System.nanoTime();
    scores.agg(sum("theta"), totals).collectAsList();
    return (System.nanoTime() - start) / 1e9;
  }
}
