package io.github.msirt.study;

import java.util.List;
import java.util.Locale;

/** The study's Markdown summary and its per-replication CSV. */
final class StudyReport {
  private StudyReport() {
  }

  /**
   * How the study was run.
   *
   * @param replications replications requested
   * @param seed master seed
   * @param wallSeconds wall time of the parallel part
   * @param environment Spark version, master, cores and Java version
   */
  record Run(int replications, long seed, double wallSeconds, String environment) {
  }

  /**
   * @param summary the summarised study
   * @param run how it was run
   * @return Markdown with the settings, the wall time, every table and the figures
   */
  static String markdown(StudySummary summary, Run run) {
    StringBuilder text = new StringBuilder("# Validation study of mixed-subjects calibration\n\n");
    text.append("- Replications: ").append(run.replications()).append(", master seed ")
        .append(run.seed()).append('\n');
    text.append("- Design: ").append(summary.design()).append('\n');
    text.append("- Wall time: ").append(String.format(Locale.ROOT, "%.1f", run.wallSeconds()))
        .append(" s (").append(run.environment()).append(")\n\n");
    for (StudyTable table : summary.tables()) {
      text.append("## ").append(table.name()).append("\n\n").append(table.toMarkdown())
          .append('\n');
    }
    text.append("## Figures\n\n");
    for (String figure : List.of("lambda-by-regime.svg", "coverage.svg", "heldout-rmse.svg")) {
      text.append("![").append(figure).append("](").append(figure).append(")\n");
    }
    return text.toString();
  }

  /**
   * @param summary the summarised study
   * @return one CSV row per replication and regime: seeds, lambdas, held-out errors and
   *     convergence
   */
  static String replicationsCsv(StudySummary summary) {
    StudyTable table = new StudyTable("replications", "One row per replication and regime.",
        List.of("replication", "seed", "regime", "lambda_ability_risk", "lambda_cross_fit",
            "lambda_ppi", "ppi_unclipped", "eap_rmse_0", "eap_rmse_tuned", "eap_rmse_1",
            "ml_rmse_0", "ml_rmse_tuned", "ml_rmse_1", "all_converged", "seconds"));
    for (ReplicationResult row : summary.results()) {
      boolean converged = true;
      for (boolean fit : row.converged()) {
        converged &= fit;
      }
      table.add(row.replication(), row.seed(), row.regime().name(), row.abilityRiskLambda(),
          row.crossFitLambda(), row.ppiLambda(), row.ppiUnclipped(), row.eapError()[0],
          row.eapError()[1], row.eapError()[2], row.mlError()[0], row.mlError()[1],
          row.mlError()[2], converged, row.seconds());
    }
    return table.toCsv();
  }
}
