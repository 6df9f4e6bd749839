package io.github.msirt.cli;

import io.github.msirt.tune.CalibrationOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The facts of one run for {@code summary.json}. */
final class RunSummary {
  private RunSummary() {
  }

  /**
   * @param inputs the screened inputs
   * @param outcome the calibration
   * @param start {@link System#nanoTime()} at the start of the run
   * @return the summary, keys in a fixed order
   */
  static Map<String, Object> of(CalibrationJob.Inputs inputs, CalibrationOutcome outcome,
      long start) {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("lambda", outcome.lambda());
    summary.put("lambda_by_fold", outcome.lambdaByFold());
    summary.put("tuner", outcome.tuner());
    if (outcome.ppi() != null) {
      summary.put("ppi_lambda_unclipped", outcome.ppi().unclipped());
    }
    summary.put("n_observed", Math.round(outcome.fit().observedRespondents()));
    summary.put("n_generated", Math.round(outcome.generatedRespondents()));
    summary.put("n_items", outcome.fit().parameters().itemCount());
    summary.put("lambda_max", outcome.lambdaMax());
    summary.put("converged", outcome.fit().converged());
    summary.put("convergence_reason", outcome.fit().reason());
    summary.put("iterations", outcome.fit().iterations());
    summary.put("passes", outcome.fit().passes());
    summary.put("tuning_passes", tuningPasses(outcome));
    summary.put("objective", outcome.fit().objective());
    summary.put("dropped_items", inputs.droppedItems());
    summary.put("observed", inputs.paired().summary());
    if (inputs.generatedFiles() != null) {
      summary.put("generated", inputs.generatedFiles().summary());
    }
    summary.put("inputs", digests(inputs.paths()));
    summary.put("versions", versions());
    summary.put("elapsed_seconds", (System.nanoTime() - start) / 1e9);
    return summary;
  }

  private static int tuningPasses(CalibrationOutcome outcome) {
    return outcome.candidates().stream().mapToInt(candidate -> candidate.fit().passes()).sum();
  }

  private static Map<String, Object> versions() {
    Map<String, Object> versions = new LinkedHashMap<>();
    Package own = RunSummary.class.getPackage();
    versions.put("msirt", own.getImplementationVersion() == null ? "development"
        : own.getImplementationVersion());
    versions.put("spark", org.apache.spark.package$.MODULE$.SPARK_VERSION());
    versions.put("java", System.getProperty("java.version"));
    return versions;
  }

  // SHA-256 of each input: of the file, or of its part files in name order for a folder.
  private static List<Map<String, Object>> digests(List<Path> paths) {
    List<Map<String, Object>> entries = new ArrayList<>();
    for (Path path : paths) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("path", path.toString());
      entry.put("sha256", sha256(path));
      entries.add(entry);
    }
    return entries;
  }

  private static String sha256(Path path) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Path file : filesOf(path)) {
        try (InputStream in = Files.newInputStream(file)) {
          byte[] buffer = new byte[1 << 16];
          for (int read = in.read(buffer); read > 0; read = in.read(buffer)) {
            digest.update(buffer, 0, read);
          }
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path + " to record its digest", e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
    }
  }

  private static List<Path> filesOf(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    try (Stream<Path> files = Files.list(path)) {
      return files.filter(Files::isRegularFile)
          .filter(file -> !file.getFileName().toString().startsWith("."))
          .filter(file -> !file.getFileName().toString().startsWith("_"))
          .sorted().toList();
    }
  }
}
