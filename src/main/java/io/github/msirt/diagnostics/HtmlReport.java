package io.github.msirt.diagnostics;

import io.github.msirt.estimate.Covariance;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.tune.CalibrationOutcome;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The diagnostics as one self-contained HTML page: styles inline, figures as inline SVG,
 * no scripts and no external resources, so that it opens without a network.
 */
public final class HtmlReport {
  private static final Map<String, String> CAPTIONS = Map.of(
      "figure-risk", "Ability risk of every evaluated candidate, fold by fold, with the chosen "
          + "lambda, each fold's lambda and lambda_max = N/(n+N).",
      "figure-discrimination", "Discriminations of the human-only fit and the chosen fit, "
          + "each with its 95% Wald interval from the Louis sandwich.",
      "figure-intercept", "Intercepts of both fits with 95% Wald intervals.",
      "figure-information", "Test information of both fits for a respondent who answers "
          + "every item.",
      "figure-standard-error", "Standard error of the ability estimate implied by the test "
          + "information.",
      "figure-alignment", "Per item: share of cells where P equals O, phi correlation of the "
          + "cells, and the PPI correlation of the score contributions.",
      "figure-placebo", "Lambda with the true pairing and with P's rows shuffled against O: "
          + "for the PPI++ rule the largest over the shuffles, for a rerun tuner the first "
          + "shuffle.");

  private static final String STYLE = String.join("\n",
      "body { font-family: sans-serif; margin: 2em auto; max-width: 60em; color: #222; }",
      "table { border-collapse: collapse; margin: 1em 0; }",
      "th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }",
      "th:first-child, td:first-child { text-align: left; }",
      "figure { margin: 1.5em 0; } figcaption { font-size: 0.9em; color: #555; }",
      ".warnings li { color: #8a1c1c; margin: 0.3em 0; }", "");

  private HtmlReport() {
  }

  /**
   * @param diagnostics the diagnostics
   * @return the page
   */
  public static String html(CalibrationDiagnostics diagnostics) {
    StringBuilder page = new StringBuilder();
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>msirt calibration diagnostics</title>\n<style>\n").append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>Mixed-subjects calibration diagnostics</h1>\n");
    page.append(summary(diagnostics)).append(warnings(diagnostics.warnings()));
    Map<String, String> figures = ReportFigures.draw(diagnostics);
    page.append("<h2>Lambda</h2>\n").append(figure(figures, "figure-risk"));
    page.append("<h2>Item parameters</h2>\n").append(figure(figures, "figure-discrimination"))
        .append(figure(figures, "figure-intercept")).append(parameterTable(diagnostics));
    page.append("<h2>Test information</h2>\n").append(figure(figures, "figure-information"))
        .append(figure(figures, "figure-standard-error"));
    page.append("<h2>Row alignment of P with O</h2>\n")
        .append(figure(figures, "figure-alignment")).append(alignmentTable(diagnostics));
    page.append("<h2>Placebo</h2>\n").append(figure(figures, "figure-placebo"))
        .append(placeboText(diagnostics.placebo()));
    return page.append("</body>\n</html>\n").toString();
  }

  private static String summary(CalibrationDiagnostics diagnostics) {
    CalibrationOutcome outcome = diagnostics.outcome();
    EffectiveSampleSize size = diagnostics.effectiveSize();
    return "<table class=\"summary\">\n"
        + row("tuner", escape(outcome.tuner()))
        + row("chosen lambda", number(outcome.lambda()))
        + row("lambda per fold", Arrays.stream(outcome.lambdaByFold())
            .mapToObj(HtmlReport::number).reduce((x, y) -> x + ", " + y).orElse("none"))
        + row("lambda_max = N/(n+N)", number(outcome.lambdaMax()))
        + row("human respondents n", whole(diagnostics.humans()))
        + row("generated respondents N", whole(outcome.generatedRespondents()))
        + row("final fit converged", String.valueOf(outcome.fit().converged()))
        + row("effective n by ability risk, n R(0) / R(lambda)", whole(size.byRisk()))
        + row("effective n by covariance trace", whole(size.byTrace()))
        + row("effective n by PPI correlation, n / (1 - rho^2 N/(n+N))",
            whole(size.byCorrelation()))
        + row("PPI correlation rho (overall, own posteriors)",
            number(diagnostics.ppiCorrelation().overall()))
        + row("PPI correlation with P scored by O's posteriors (PPI++ rule)",
            number(diagnostics.ppiCorrelation().ruleOverall()))
        + row("cell agreement of P with O", number(diagnostics.agreement().overallAgreement()))
        + "</table>\n";
  }

  private static String warnings(List<String> warnings) {
    if (warnings.isEmpty()) {
      return "<h2>Warnings</h2>\n<p>No warnings.</p>\n";
    }
    StringBuilder list = new StringBuilder("<h2>Warnings</h2>\n<ul class=\"warnings\">\n");
    warnings.forEach(warning -> list.append("<li>").append(escape(warning)).append("</li>\n"));
    return list.append("</ul>\n").toString();
  }

  private static String figure(Map<String, String> figures, String id) {
    return "<figure>\n" + figures.get(id) + "\n<figcaption>" + escape(CAPTIONS.get(id))
        + "</figcaption>\n</figure>\n";
  }

  private static String parameterTable(CalibrationDiagnostics diagnostics) {
    ItemParameters human = diagnostics.humanFit().parameters();
    ItemParameters chosen = diagnostics.outcome().fit().parameters();
    double[] humanErrors = diagnostics.humanCovariance().standardErrors();
    Covariance covariance = diagnostics.outcome().covariance();
    double[] chosenErrors = covariance.standardErrors();
    int items = human.itemCount();
    StringBuilder table = new StringBuilder("<table>\n<tr><th>item</th><th>a (lambda 0)</th>"
        + "<th>SE</th><th>a (chosen)</th><th>SE</th><th>d (lambda 0)</th><th>SE</th>"
        + "<th>d (chosen)</th><th>SE</th></tr>\n");
    for (int j = 0; j < items; j++) {
      table.append(cells(escape(human.items().get(j)), human.discrimination(j),
          humanErrors[j], chosen.discrimination(j), chosenErrors[j], human.intercept(j),
          humanErrors[items + j], chosen.intercept(j), chosenErrors[items + j]));
    }
    return table.append("</table>\n").toString();
  }

  private static String alignmentTable(CalibrationDiagnostics diagnostics) {
    ItemAgreement agreement = diagnostics.agreement();
    PpiCorrelation correlation = diagnostics.ppiCorrelation();
    double[] effective = diagnostics.effectiveSize().byItemCorrelation();
    StringBuilder table = new StringBuilder("<table>\n<tr><th>item</th><th>paired cells</th>"
        + "<th>agreement</th><th>cell correlation</th><th>PPI correlation</th>"
        + "<th>effective n</th></tr>\n");
    for (int j = 0; j < agreement.items().size(); j++) {
      table.append("<tr><td>").append(escape(agreement.items().get(j))).append("</td><td>")
          .append(agreement.pairedCells()[j]).append("</td><td>")
          .append(number(agreement.agreement()[j])).append("</td><td>")
          .append(number(agreement.correlation()[j])).append("</td><td>")
          .append(number(correlation.byItem()[j])).append("</td><td>")
          .append(whole(effective[j])).append("</td></tr>\n");
    }
    return table.append("</table>\n").toString();
  }

  private static String placeboText(PlaceboLambda placebo) {
    String tuner = placebo.tuner().equals("ppi") ? "The run was tuned by the PPI++ rule itself."
        : placebo.tunerRerun() ? String.format(Locale.ROOT, "The run's %s tuner gives %s with "
            + "the true pairing and %s on the first shuffle.", escape(placebo.tuner()),
            number(placebo.realLambda()), number(placebo.placeboTuned()))
        : "The run's " + escape(placebo.tuner()) + " tuner was not rerun on shuffled P.";
    return String.format(Locale.ROOT, "<p>P's rows were shuffled against O %d times (seeds %d "
        + "to %d). The PPI++ rule gives %s with the true pairing and %s on average (largest "
        + "%s) with shuffled rows. %s A real lambda counts as clearly above its placebo when "
        + "it leads by at least %s.</p>\n", placebo.draws(), placebo.seed(),
        placebo.seed() + placebo.draws() - 1, number(placebo.realPpi()),
        number(placebo.placeboPpiMean()), number(placebo.placeboPpiMax()), tuner,
        number(placebo.margin()));
  }

  private static String row(String label, String value) {
    return "<tr><th>" + escape(label) + "</th><td>" + value + "</td></tr>\n";
  }

  private static String cells(String first, double... values) {
    StringBuilder row = new StringBuilder("<tr><td>" + first + "</td>");
    for (double value : values) {
      row.append("<td>").append(number(value)).append("</td>");
    }
    return row.append("</tr>\n").toString();
  }

  private static String number(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.4f", value) : "n/a";
  }

  private static String whole(double value) {
    return Double.isFinite(value) ? String.format(Locale.ROOT, "%.0f", value) : "n/a";
  }

  /**
   * @param text plain text
   * @return the text with {@code & < > "} escaped for HTML
   */
  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
