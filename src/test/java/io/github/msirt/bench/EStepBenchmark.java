package io.github.msirt.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.exp;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.randn;
import static org.apache.spark.sql.functions.when;

import io.github.msirt.estimate.Detail;
import io.github.msirt.estimate.LocalResponses;
import io.github.msirt.estimate.NodeTable;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.Quadrature;
import io.github.msirt.model.ResponseMatrix;
import io.github.msirt.spark.Compression;
import io.github.msirt.spark.SparkResponses;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throughput of the E-step: the single-thread kernel on rows in memory, and whole passes of
 * {@link SparkResponses} in local mode over synthetic 2PL responses, with and without
 * pattern compression. Prints Markdown tables of wall-clock and CPU time (CPU time is the
 * steadier measure on a machine shared with other work); not a unit test.
 *
 * <p>Arguments: row counts of the Spark passes (default {@code 100000 1000000 10000000}).
 * System properties: {@code bench.master} (default {@code local[2]}), {@code bench.items}
 * (default 20), {@code bench.kernelRows} (default 200000).
 */
public final class EStepBenchmark {
  private static final Logger LOG = LoggerFactory.getLogger(EStepBenchmark.class);
  private static final Quadrature GRID = Quadrature.gaussHermite(Quadrature.DEFAULT_NODES);
  private static final int PASSES = 3;

  private EStepBenchmark() {
  }

  /**
   * Runs the benchmark.
   *
   * @param args row counts of the Spark passes
   */
  public static void main(String[] args) {
    int items = Integer.getInteger("bench.items", 20);
    int kernelRows = Integer.getInteger("bench.kernelRows", 200_000);
    ItemParameters parameters = parameters(items);
    kernel(parameters, kernelRows, 0.0);
    kernel(parameters, kernelRows, 0.05);
    long[] sizes = args.length == 0 ? new long[] {100_000, 1_000_000, 10_000_000}
        : Arrays.stream(args).mapToLong(Long::parseLong).toArray();
    SparkSession spark = SparkSession.builder()
        .master(System.getProperty("bench.master", "local[2]"))
        .appName("msirt-benchmark")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .getOrCreate();
    try {
      passes(spark, parameters, sizes);
    } finally {
      spark.stop();
    }
  }

  private static ItemParameters parameters(int items) {
    List<String> names = new ArrayList<>();
    double[] a = new double[items];
    double[] d = new double[items];
    for (int j = 0; j < items; j++) {
      names.add(String.format("item%02d", j + 1));
      a[j] = 0.8 + 1.2 * j / Math.max(1, items - 1);
      d[j] = -1.5 + 3.0 * ((j * 7) % items) / Math.max(1, items - 1);
    }
    return new ItemParameters(names, a, d);
  }

  // Single-thread kernel: every row visited once, no compression; timed in thread CPU time,
  // which other processes on the machine do not inflate.
  private static void kernel(ItemParameters parameters, int rows, double missingShare) {
    ResponseMatrix matrix = simulate(parameters, rows, missingShare, 17);
    NodeTable table = new NodeTable(parameters, GRID);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    System.out.printf("%n### Kernel, 1 thread: %d rows x %d items x %d nodes, %.0f%% missing"
        + "%n%n", rows, parameters.itemCount(), GRID.size(), 100 * missingShare);
    System.out.println("| detail | rows/s | row x item x node updates/s |");
    System.out.println("|---|---|---|");
    for (Detail detail : Detail.values()) {
      double best = Double.MAX_VALUE;
      for (int run = 0; run < 5; run++) {
        long start = threads.getCurrentThreadCpuTime();
        LocalResponses.accumulate(matrix, table, detail);
        best = Math.min(best, (threads.getCurrentThreadCpuTime() - start) / 1e9);
      }
      double rate = rows / best;
      System.out.printf("| %s | %.3g | %.3g |%n", detail, rate,
          rate * parameters.itemCount() * GRID.size());
    }
  }

  private static ResponseMatrix simulate(ItemParameters parameters, int rows,
      double missingShare, long seed) {
    Random random = new Random(seed);
    int items = parameters.itemCount();
    byte[] cells = new byte[rows * items];
    for (int i = 0; i < rows; i++) {
      double theta = random.nextGaussian();
      for (int j = 0; j < items; j++) {
        double p = NodeTable.logistic(parameters.intercept(j)
            + parameters.discrimination(j) * theta);
        boolean missing = random.nextDouble() < missingShare;
        cells[i * items + j] = missing ? ResponseMatrix.MISSING
            : (byte) (random.nextDouble() < p ? 1 : 0);
      }
    }
    return ResponseMatrix.of(parameters.items(), cells, null, null);
  }

  // Synthetic G generated on the executors, so the driver never holds the rows.
  private static Dataset<Row> generated(SparkSession spark, ItemParameters parameters,
      long rows) {
    int partitions = (int) Math.max(2, rows / 500_000);
    Dataset<Row> abilities = spark.range(0, rows, 1, partitions)
        .withColumn("theta", randn(7));
    List<Column> columns = new ArrayList<>();
    for (int j = 0; j < parameters.itemCount(); j++) {
      Column eta = lit(parameters.intercept(j)).plus(col("theta")
          .multiply(parameters.discrimination(j)));
      Column p = lit(1.0).divide(lit(1.0).plus(exp(eta.multiply(-1))));
      columns.add(when(rand(100 + j).lt(p), 1).otherwise(0).as(parameters.items().get(j)));
    }
    return abilities.select(columns.toArray(new Column[0]));
  }

  private static void passes(SparkSession spark, ItemParameters parameters, long[] sizes) {
    System.out.printf("%n### Spark passes (%s, %d items, %d nodes; mean of %d passes)%n%n",
        spark.sparkContext().master(), parameters.itemCount(), GRID.size(), PASSES);
    System.out.println("| rows | mode | patterns | build s | detail | pass s | rows/s"
        + " | pass CPU s | rows per CPU s |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (long rows : sizes) {
      Dataset<Row> data = generated(spark, parameters, rows);
      run(data, parameters, rows, "off", Compression.NEVER, 0);
      run(data, parameters, rows, "on, executors", Compression.ALWAYS, 0);
      run(data, parameters, rows, "on, driver", Compression.ALWAYS, -1);
    }
  }

  private static void run(Dataset<Row> data, ItemParameters parameters, long rows,
      String mode, Compression compression, long driverLimit) {
    long start = System.nanoTime();
    SparkResponses.Builder builder = SparkResponses.builder(data, parameters.items())
        .compression(compression);
    if (driverLimit >= 0) {
      builder.driverPatternLimit(driverLimit);
    }
    try (SparkResponses source = builder.build()) {
      double build = (System.nanoTime() - start) / 1e9;
      if (driverLimit < 0 && !source.isOnDriver()) {
        LOG.info("{} patterns exceed the driver limit; skipping the driver mode",
            source.patternCount());
        return;
      }
      for (Detail detail : new Detail[] {Detail.GRADIENT, Detail.HESSIAN}) {
        double[] seconds = meanPass(source, parameters, detail);
        System.out.printf("| %d | %s | %d | %.2f | %s | %.3f | %.3g | %.3f | %.3g |%n", rows,
            mode, source.patternCount(), build, detail, seconds[0], rows / seconds[0],
            seconds[1], rows / seconds[1]);
      }
    }
  }

  // Mean wall-clock and process CPU seconds of a pass, after one warm-up pass.
  private static double[] meanPass(SparkResponses source, ItemParameters parameters,
      Detail detail) {
    source.pass(parameters, GRID, detail, "benchmark warm-up");
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    for (int pass = 0; pass < PASSES; pass++) {
      source.pass(parameters, GRID, detail, "benchmark pass " + (pass + 1));
    }
    return new double[] {(System.nanoTime() - start) / 1e9 / PASSES,
        (processCpuNanos() - cpuStart) / 1e9 / PASSES};
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
        ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }
}
