package io.github.msirt.spark;

import io.github.msirt.estimate.Detail;
import io.github.msirt.estimate.EStepStatistics;
import io.github.msirt.estimate.NodeTable;
import io.github.msirt.estimate.ResponseSource;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.Quadrature;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Response rows held by Spark: a {@link ResponseSource} whose passes are distributed
 * aggregations over rows packed and cached on the executors.
 *
 * <p>Built from a wide {@code Dataset<Row>} with one column per item holding 0, 1 or null
 * (byte, short, int, long, boolean or double), selected by name in the order given, so the
 * column order of the Dataset does not matter. Building reads the source twice (one
 * aggregation that checks every cell and, under {@link Compression#AUTO}, estimates the
 * distinct patterns; then the packing); passes never read it again.
 *
 * <p>Where the rows go:
 * <ul>
 *   <li>compressed, and at most {@link Builder#driverPatternLimit(long)} distinct patterns:
 *   the patterns with counts are collected to the driver, and each pass runs there on the
 *   driver's cores without a Spark job;
 *   <li>compressed, more patterns: the patterns with counts stay cached on the executors;
 *   <li>not compressed: the raw rows stay cached on the executors, 2 bits a cell.
 * </ul>
 * In the last two cases a pass is one {@code treeAggregate} of {@link EStepStatistics}. Every
 * case gives the statistics of the raw rows up to the order of summation.
 *
 * <pre>{@code
 * try (SparkResponses generated = SparkResponses.builder(frame, items).build()) {
 *   EStepStatistics statistics =
 *       generated.pass(parameters, quadrature, Detail.GRADIENT, "mml lambda=0.5 iteration 3");
 * }
 * }</pre>
 */
public final class SparkResponses implements ResponseSource, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SparkResponses.class);
  private static final AtomicLong PASSES = new AtomicLong();
  private static final int TREE_DEPTH = 2;

  private final List<String> items;
  private final long rows;
  private final long patterns;
  private final boolean compressed;
  private final JavaRDD<PatternBlock> blocks;
  private final DriverPatterns driverPatterns;
  private final int tasksPerCore;

  SparkResponses(PatternPreparation.Prepared prepared, int tasksPerCore) {
    this.tasksPerCore = tasksPerCore;
    this.items = prepared.items();
    this.rows = prepared.rows();
    this.patterns = prepared.patterns();
    this.compressed = prepared.compressed();
    this.blocks = prepared.blocks();
    this.driverPatterns = prepared.driverPatterns();
  }

  /**
   * Starts building a source over a wide response Dataset.
   *
   * @param data one row per respondent, one column per item
   * @param items the item columns, in the estimator's order
   * @return a builder with the default settings
   */
  public static Builder builder(Dataset<Row> data, List<String> items) {
    return new Builder(data, items);
  }

  @Override
  public List<String> items() {
    return items;
  }

  /** @return the number of respondents (rows of the source) */
  public long rowCount() {
    return rows;
  }

  /** @return the rows each pass visits: distinct patterns when compressed, else all rows */
  public long patternCount() {
    return patterns;
  }

  /** @return whether identical rows were merged into patterns with counts */
  public boolean isCompressed() {
    return compressed;
  }

  /** @return whether passes run on the driver, without a Spark job */
  public boolean isOnDriver() {
    return driverPatterns != null;
  }

  /** @return the cached blocks, or {@code null} when the patterns are on the driver */
  JavaRDD<PatternBlock> blocks() {
    return blocks;
  }

  /**
   * Runs one E-step pass: a single distributed aggregation, or a pass on the driver when the
   * patterns were collected. The Spark jobs carry {@code phase} as their description.
   *
   * @throws IllegalArgumentException if the parameters are for other items
   * @throws IllegalStateException if the source was closed
   */
  @Override
  public EStepStatistics pass(ItemParameters parameters, Quadrature quadrature, Detail detail,
      String phase) {
    if (!parameters.items().equals(items)) {
      throw new IllegalArgumentException("parameters are for items " + parameters.items()
          + " but the responses hold " + items);
    }
    NodeTable table = new NodeTable(parameters, quadrature);
    long start = System.nanoTime();

    // E-step over the patterns, where they are held
    EStepStatistics statistics;
    String where = "on the driver";
    if (driverPatterns != null) {
      statistics = driverPatterns.accumulate(table, detail);
    } else {
      requireOpen();
      JavaRDD<PatternBlock> tasks = passTasks();
      where = "in " + tasks.getNumPartitions() + " tasks";
      String group = "msirt-pass-" + PASSES.incrementAndGet();
      statistics = DistributedPass.labelled(blocks.context(), group, phase,
          () -> DistributedPass.aggregate(tasks, table, detail, TREE_DEPTH));
    }

    // Report throughput
    double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    LOG.info("pass '{}' ({}): {} rows as {} patterns {} in {} ms, {} rows/s", phase, detail,
        rows, patterns, where, Math.round(seconds * 1000),
        String.format("%.3g", rows / seconds));
    return statistics;
  }

  // Each task returns one partial statistics object, of about (10 + K) J^2 doubles at HESSIAN
  // with missing cells (13 MB for 200 items, 31 nodes); coalescing the cached partitions,
  // without a shuffle and keeping their locations, bounds how many the merge tree carries.
  private JavaRDD<PatternBlock> passTasks() {
    int limit = tasksPerCore * blocks.context().defaultParallelism();
    return blocks.getNumPartitions() > limit ? blocks.coalesce(limit) : blocks;
  }

  private void requireOpen() {
    if (blocks.getStorageLevel().equals(StorageLevel.NONE())) {
      throw new IllegalStateException("this response source was closed; build a new one");
    }
  }

  /** Releases the cached blocks on the executors; passes on the driver keep working. */
  @Override
  public void close() {
    if (blocks != null) {
      blocks.unpersist(false);
    }
  }

  @Override
  public String toString() {
    return "SparkResponses[" + rows + " rows as " + patterns + " patterns x " + items.size()
        + " items" + (isOnDriver() ? ", on the driver]" : ", on the executors]");
  }

  /**
   * Settings of a {@link SparkResponses}; every setting has a default.
   */
  public static final class Builder {
    private final Dataset<Row> data;
    private final List<String> items;
    private String idColumn;
    private Compression compression = Compression.AUTO;
    private double maxPatternRatio = 0.5;
    private long driverPatternLimit = -1;
    private int partitions;
    private int blockRows = 4096;
    private int tasksPerCore = 3;
    private StorageLevel storageLevel = StorageLevel.MEMORY_AND_DISK_SER();

    private Builder(Dataset<Row> data, List<String> items) {
      this.data = data;
      this.items = List.copyOf(items);
    }

    /**
     * Names the respondent id column. It is checked to exist and not to be an item; passes
     * never read it, so it may be left out for generated responses.
     *
     * @param name the column name, or {@code null} for none (default)
     * @return this builder
     */
    public Builder idColumn(String name) {
      this.idColumn = name;
      return this;
    }

    /**
     * @param mode whether to merge identical rows (default {@link Compression#AUTO})
     * @return this builder
     */
    public Builder compression(Compression mode) {
      this.compression = Objects.requireNonNull(mode, "compression");
      return this;
    }

    /**
     * Under {@link Compression#AUTO}, merge rows when the estimated distinct patterns are at
     * most this fraction of the rows.
     *
     * @param ratio in (0, 1] (default 0.5)
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder maxPatternRatio(double ratio) {
      if (!(ratio > 0 && ratio <= 1)) {
        throw new IllegalArgumentException("maxPatternRatio must be in (0, 1], found " + ratio);
      }
      this.maxPatternRatio = ratio;
      return this;
    }

    /**
     * Collect the distinct patterns to the driver when there are at most this many. The
     * default is 1/8 of the driver heap at about {@code 2J + 8 ceil(J/32) + 16} bytes a
     * pattern, within half of {@code spark.driver.maxResultSize}, and at most 2,000,000.
     *
     * @param limit patterns, non-negative; 0 keeps every pass distributed
     * @return this builder
     * @throws IllegalArgumentException if negative
     */
    public Builder driverPatternLimit(long limit) {
      if (limit < 0) {
        throw new IllegalArgumentException("driverPatternLimit must be >= 0, found " + limit);
      }
      this.driverPatternLimit = limit;
      return this;
    }

    /**
     * @param count partitions of the cached rows or patterns, positive; by default the
     *     source's partitions (at least the default parallelism) for raw rows and twice the
     *     default parallelism for patterns
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder partitions(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("partitions must be positive, found " + count);
      }
      this.partitions = count;
      return this;
    }

    /**
     * @param rows most rows (or patterns) packed into one cached block, positive (default
     *     4096)
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder blockRows(int rows) {
      if (rows < 1) {
        throw new IllegalArgumentException("blockRows must be positive, found " + rows);
      }
      this.blockRows = rows;
      return this;
    }

    /**
     * Bounds the tasks of a distributed pass: when the cached partitions outnumber this many
     * per core of the cluster ({@code spark.default.parallelism}), a pass coalesces them,
     * without a shuffle, so fewer partial statistics travel through the merge tree. Each is
     * about {@code (10 + K) J^2} doubles at {@link Detail#HESSIAN} with missing cells, for K
     * nodes (13 MB for 200 items and 31 nodes; 50 KB for 20 items without missing cells).
     *
     * @param tasks positive (default 3, the tasks per core Spark's tuning guide suggests)
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public Builder passTasksPerCore(int tasks) {
      if (tasks < 1) {
        throw new IllegalArgumentException("passTasksPerCore must be positive, found " + tasks);
      }
      this.tasksPerCore = tasks;
      return this;
    }

    /**
     * @param level how the packed blocks are cached (default
     *     {@code MEMORY_AND_DISK_SER})
     * @return this builder
     */
    public Builder storageLevel(StorageLevel level) {
      this.storageLevel = Objects.requireNonNull(level, "storageLevel");
      return this;
    }

    /**
     * Checks the columns, packs, compresses and caches the rows (running Spark jobs).
     *
     * @return the source, ready for passes
     * @throws IllegalArgumentException if an item column is missing, of an unusable type, or
     *     holds a value other than 0, 1 or null (the message names the column and a value)
     */
    public SparkResponses build() {
      PatternPreparation preparation = new PatternPreparation(data,
          new ResponseColumns(data, items, idColumn), blockRows, storageLevel);
      return new SparkResponses(preparation.prepare(compression, maxPatternRatio,
          driverPatternLimit, partitions), tasksPerCore);
    }
  }
}
