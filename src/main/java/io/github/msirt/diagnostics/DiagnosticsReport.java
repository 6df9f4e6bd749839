package io.github.msirt.diagnostics;

import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.MixedSubjectsData;
import io.github.msirt.tune.CalibrationOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Computes the diagnostics of a calibration and writes {@code diagnostics.json} and
 * {@code report.html} into a folder.
 */
public final class DiagnosticsReport {
  private static final Logger LOG = LoggerFactory.getLogger(DiagnosticsReport.class);

  /** File name of the JSON diagnostics. */
  public static final String JSON_FILE = "diagnostics.json";

  /** File name of the HTML report. */
  public static final String HTML_FILE = "report.html";

  private DiagnosticsReport() {
  }

  /**
   * Computes and writes the diagnostics.
   *
   * @param outcome the calibration
   * @param data its O, P and G
   * @param settings its settings
   * @param options placebo and warning settings
   * @param outDir the folder, created if needed
   * @return the diagnostics
   * @throws UncheckedIOException if a file cannot be written
   */
  public static CalibrationDiagnostics write(CalibrationOutcome outcome,
      MixedSubjectsData data, CalibrationSettings settings, DiagnosticOptions options,
      Path outDir) {
    CalibrationDiagnostics diagnostics =
        CalibrationDiagnostics.compute(outcome, data, settings, options);
    write(diagnostics, outDir);
    return diagnostics;
  }

  /**
   * Writes computed diagnostics.
   *
   * @param diagnostics the diagnostics
   * @param outDir the folder, created if needed
   * @return the two files written
   * @throws UncheckedIOException if a file cannot be written
   */
  public static List<Path> write(CalibrationDiagnostics diagnostics, Path outDir) {
    try {
      Files.createDirectories(outDir);
      Path json = Files.writeString(outDir.resolve(JSON_FILE),
          DiagnosticsJson.text(diagnostics), StandardCharsets.UTF_8);
      Path html = Files.writeString(outDir.resolve(HTML_FILE), HtmlReport.html(diagnostics),
          StandardCharsets.UTF_8);
      LOG.info("diagnostics written to {} and {}", json, html);
      return List.of(json, html);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the diagnostics to " + outDir, e);
    }
  }
}
