package io.github.msirt.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a wide response Dataset into cached blocks: checks the cells, decides on
 * compression, packs (and merges) the rows on the executors, caches them, and collects the
 * patterns to the driver when they are few.
 */
final class PatternPreparation {
  private static final Logger LOG = LoggerFactory.getLogger(PatternPreparation.class);
  private static final AtomicLong BUILDS = new AtomicLong();

  /** Most patterns collected to the driver by default, whatever its heap. */
  static final long DRIVER_PATTERN_CAP = 2_000_000L;

  private final Dataset<Row> data;
  private final ResponseColumns columns;
  private final int blockRows;
  private final StorageLevel storageLevel;
  private final SparkContext context;
  private final String group;

  /** The prepared rows: cached blocks on the executors, or patterns on the driver. */
  record Prepared(List<String> items, long rows, long patterns, boolean compressed,
      JavaRDD<PatternBlock> blocks, DriverPatterns driverPatterns) {
  }

  /**
   * @param data the wide response data
   * @param columns its checked item columns
   * @param blockRows most rows per cached block
   * @param storageLevel how blocks are cached
   */
  PatternPreparation(Dataset<Row> data, ResponseColumns columns, int blockRows,
      StorageLevel storageLevel) {
    this.data = data;
    this.columns = columns;
    this.blockRows = blockRows;
    this.storageLevel = storageLevel;
    this.context = data.sparkSession().sparkContext();
    this.group = "msirt-build-" + BUILDS.incrementAndGet();
  }

  /**
   * Runs the preparation jobs.
   *
   * @param mode whether to merge identical rows
   * @param maxPatternRatio under AUTO, the largest patterns-to-rows ratio that is merged
   * @param driverLimit most patterns collected to the driver, or negative for the default
   * @param partitions partitions of the cached blocks, or 0 for automatic
   * @return the prepared rows
   */
  Prepared prepare(Compression mode, double maxPatternRatio, long driverLimit,
      int partitions) {
    int items = columns.items().size();

    // Check every cell, count the rows and, when the item count alone does not settle it,
    // estimate the distinct patterns: with 3^J at most the driver limit, merging always pays
    long limit = driverLimit >= 0 ? driverLimit : defaultDriverLimit(items, context.conf());
    boolean estimate = mode == Compression.AUTO && Math.pow(3, items) > limit;
    ResponseColumns.Summary summary = labelled("check response columns",
        () -> columns.summarize(estimate));
    boolean compress = shouldCompress(mode, summary, items, limit, maxPatternRatio);

    // Pack (and merge) on the executors and cache
    JavaRDD<PatternBlock> blocks = compress ? patterns(partitions) : rawRows(partitions);
    blocks.persist(storageLevel);
    long[] held = labelled(compress ? "compress and cache response patterns"
        : "pack and cache response rows", () -> holdings(blocks));
    checkRowCount(summary.rows(), held[1]);
    logHoldings(summary.rows(), held[0], compress, blocks.getNumPartitions());

    // Bring few patterns to the driver
    if (compress && held[0] <= limit) {
      List<PatternBlock> collected = labelled("collect response patterns", blocks::collect);
      blocks.unpersist(false);
      LOG.info("{} patterns collected to the driver (limit {}); passes run there",
          held[0], limit);
      return new Prepared(columns.items(), summary.rows(), held[0], true, null,
          DriverPatterns.of(columns.items(), collected));
    }
    return new Prepared(columns.items(), summary.rows(), held[0], compress, blocks, null);
  }

  private <T> T labelled(String step, Supplier<T> jobs) {
    return DistributedPass.labelled(context, group, "msirt: " + step, jobs);
  }

  /**
   * The default number of patterns collected to the driver: what fits in 1/8 of its heap and
   * in half of {@code spark.driver.maxResultSize}, at most {@link #DRIVER_PATTERN_CAP}.
   *
   * @param items number of items
   * @param conf the Spark configuration
   * @return the limit
   */
  static long defaultDriverLimit(int items, SparkConf conf) {
    long packedBytes = 8L * PatternBlock.wordsPerRow(items) + 8;
    long byHeap = Runtime.getRuntime().maxMemory() / 8 / (2L * items + packedBytes + 8);
    long resultSize = conf.getSizeAsBytes("spark.driver.maxResultSize", "1g");
    long byResult = resultSize == 0 ? Long.MAX_VALUE : resultSize / 2 / packedBytes;
    return Math.min(DRIVER_PATTERN_CAP, Math.min(byHeap, byResult));
  }

  private static boolean shouldCompress(Compression mode, ResponseColumns.Summary summary,
      int items, long limit, double maxPatternRatio) {
    if (mode != Compression.AUTO) {
      LOG.info("{} rows x {} items; compression {}", summary.rows(), items, mode);
      return mode == Compression.ALWAYS;
    }
    double possible = Math.pow(3, items);
    if (summary.estimatedPatterns() < 0) {
      LOG.info("{} rows x {} items, at most {} distinct patterns, within the driver limit {}:"
          + " merging identical rows", summary.rows(), items, String.format("%.3g", possible),
          limit);
      return true;
    }
    double estimate = Math.min(possible, summary.estimatedPatterns());
    boolean compress = estimate <= limit || estimate <= maxPatternRatio * summary.rows();
    LOG.info("{} rows x {} items, about {} distinct patterns ({} possible): {}",
        summary.rows(), items, summary.estimatedPatterns(), String.format("%.3g", possible),
        compress ? "merging identical rows" : "not merging, patterns are nearly unique");
    return compress;
  }

  private Column[] wordNames() {
    Column[] names = new Column[PatternBlock.wordsPerRow(columns.items().size())];
    for (int w = 0; w < names.length; w++) {
      names[w] = col("w" + w);
    }
    return names;
  }

  private JavaRDD<PatternBlock> rawRows(int partitions) {
    Dataset<Row> words = data.select(columns.wordColumns());
    int current = words.rdd().getNumPartitions();
    int target = partitions > 0 ? partitions : Math.max(current, context.defaultParallelism());
    if (target != current) {
      words = words.repartition(target);
    }
    return words.javaRDD()
        .mapPartitions(new BlockPacker(columns.items().size(), blockRows, false));
  }

  // Distinct patterns are hash-partitioned and sorted by their packed words, so the cached
  // blocks, and with them the summation order of every pass, are the same on every run.
  private JavaRDD<PatternBlock> patterns(int partitions) {
    Column[] keys = wordNames();
    Dataset<Row> distinct = data.select(columns.wordColumns())
        .groupBy(keys)
        .agg(count(lit(1)).as("count"));
    int target = partitions > 0 ? partitions : 2 * context.defaultParallelism();
    distinct = distinct.repartition(target, keys).sortWithinPartitions(keys);
    return distinct.javaRDD()
        .mapPartitions(new BlockPacker(columns.items().size(), blockRows, true));
  }

  private static long[] holdings(JavaRDD<PatternBlock> blocks) {
    return blocks.aggregate(new long[2],
        (total, block) -> {
          total[0] += block.rowCount();
          total[1] += block.respondentCount();
          return total;
        },
        (left, right) -> {
          left[0] += right[0];
          left[1] += right[1];
          return left;
        });
  }

  private static void checkRowCount(long checked, long packed) {
    if (checked != packed) {
      throw new IllegalStateException("the response data gave " + checked
          + " rows when checked but " + packed + " when packed; it must return the same rows"
          + " on every read, so cache or checkpoint a nondeterministic source first");
    }
  }

  private static void logHoldings(long rows, long held, boolean compressed, int partitions) {
    if (compressed) {
      LOG.info("compressed {} rows to {} distinct patterns ({} rows per pattern) in {}"
          + " partitions", rows, held, String.format("%.3g", rows / Math.max(1.0, held)),
          partitions);
    } else {
      LOG.info("packed {} rows uncompressed in {} partitions", rows, partitions);
    }
  }
}
