package io.github.msirt.study;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validation study of mixed-subjects calibration, run in parallel over the
 * replications of a Spark session: each task draws one replication from its own seed, runs
 * every regime of the design on it with the core estimator, and returns one small
 * {@link ReplicationResult} per regime; the driver collects them, summarises and writes
 * the tables (CSV and Markdown) and figures (SVG).
 *
 * <p>Files written to the output folder: {@code <table>.csv} for every table of
 * {@link StudySummary#tables()}, {@code replications.csv} (one row per replication and
 * regime), {@code study.md} (settings, wall time and every table),
 * {@code lambda-by-regime.svg}, {@code coverage.svg} and {@code heldout-rmse.svg}.
 *
 * <p>The core logs every optimiser pass at INFO; during the study those loggers are set to
 * WARN (and restored afterwards on the driver) so that the log holds the study's progress,
 * the fits that failed to converge and any replication that failed.
 */
public final class Study {
  private static final Logger LOG = LoggerFactory.getLogger(Study.class);

  private Study() {
  }

  /** One replication to run: its index and seed. */
  record Task(int replication, long seed) implements Serializable {
  }

  /**
   * The study's outcome.
   *
   * @param summary the tables
   * @param replications replications requested
   * @param seed the master seed
   * @param wallSeconds wall time from the first task to the collected rows
   * @param files the files written
   */
  public record Outcome(StudySummary summary, int replications, long seed, double wallSeconds,
      List<Path> files) {
  }

  /**
   * Runs the study on the active Spark session, or on a new one configured by the
   * environment (spark-submit sets the master).
   *
   * @param replications number of replications, at least 1 (published: 200)
   * @param seed master seed; replication r uses the r-th value of its stream
   * @param outDir output folder, created if needed
   * @param design the design (see {@link StudyDesign#defaults()})
   * @return the outcome
   */
  public static Outcome run(int replications, long seed, Path outDir, StudyDesign design) {
    return run(SparkSession.builder().getOrCreate(), replications, seed, outDir, design);
  }

  /**
   * Runs the study on a given Spark session.
   *
   * @param spark the session whose executors run the replications
   * @param replications number of replications, at least 1
   * @param seed master seed
   * @param outDir output folder, created if needed
   * @param design the design
   * @return the outcome
   * @throws IllegalArgumentException if replications is below 1
   * @throws UncheckedIOException if a file cannot be written
   */
  public static Outcome run(SparkSession spark, int replications, long seed, Path outDir,
      StudyDesign design) {
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be at least 1, found "
          + replications);
    }
    Map<String, Level> previousLevels = quietCore();
    try {
      return runQuietly(spark, replications, seed, outDir, design);
    } finally {
      previousLevels.forEach(Configurator::setLevel);
    }
  }

  private static Outcome runQuietly(SparkSession spark, int replications, long seed,
      Path outDir, StudyDesign design) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int slices = Math.min(replications, Math.max(1, 4 * context.defaultParallelism()));
    LOG.info("validation study: {} replications, seed {}, {} tasks; {}", replications, seed,
        slices, design);

    // Replications in parallel, one small row per replication and regime
    long start = System.nanoTime();
    List<ReplicationResult> rows = new ArrayList<>(context.parallelize(tasks(replications,
        seed), slices).flatMap(task -> runTask(design, task).iterator()).collect());
    double wall = (System.nanoTime() - start) / 1e9;
    rows.sort(Comparator.comparingInt(ReplicationResult::replication)
        .thenComparing(ReplicationResult::regime));
    LOG.info("validation study: {} rows collected in {} s", rows.size(),
        String.format("%.1f", wall));

    // Tables and figures
    StudySummary summary = new StudySummary(design, rows);
    String environment = "Spark " + spark.version() + ", master "
        + spark.sparkContext().master() + ", " + Runtime.getRuntime().availableProcessors()
        + " cores visible to the driver, Java " + System.getProperty("java.version");
    List<Path> files = write(outDir, summary, new StudyReport.Run(replications, seed, wall,
        environment));
    return new Outcome(summary, replications, seed, wall, files);
  }

  static List<Task> tasks(int replications, long seed) {
    SplittableRandom seeds = new SplittableRandom(seed);
    List<Task> tasks = new ArrayList<>();
    for (int r = 0; r < replications; r++) {
      tasks.add(new Task(r, seeds.nextLong()));
    }
    return tasks;
  }

  private static List<ReplicationResult> runTask(StudyDesign design, Task task) {
    quietCore();
    return new Replication(design).run(task.replication(), task.seed());
  }

  // Sets the core's loggers to WARN and returns their levels before.
  private static Map<String, Level> quietCore() {
    Map<String, Level> previous = new LinkedHashMap<>();
    for (String name : List.of("io.github.msirt.estimate", "io.github.msirt.tune")) {
      previous.put(name, LogManager.getLogger(name).getLevel());
      Configurator.setLevel(name, Level.WARN);
    }
    return previous;
  }

  private static List<Path> write(Path outDir, StudySummary summary, StudyReport.Run run) {
    List<Path> files = new ArrayList<>();
    try {
      Files.createDirectories(outDir);
      for (StudyTable table : summary.tables()) {
        files.add(writeText(outDir.resolve(table.name() + ".csv"), table.toCsv()));
      }
      files.add(writeText(outDir.resolve("replications.csv"),
          StudyReport.replicationsCsv(summary)));
      files.add(writeText(outDir.resolve("study.md"),
          StudyReport.markdown(summary, run)));
      for (Map.Entry<String, String> figure : StudyFigures.draw(summary).entrySet()) {
        files.add(writeText(outDir.resolve(figure.getKey()), figure.getValue()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the study results to " + outDir, e);
    }
    LOG.info("validation study: wrote {} files to {}", files.size(), outDir);
    return files;
  }

  private static Path writeText(Path file, String text) throws IOException {
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
