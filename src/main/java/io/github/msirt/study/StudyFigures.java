package io.github.msirt.study;

import io.github.msirt.diagnostics.SvgCharts;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BoxAndWhiskerRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.statistics.DefaultBoxAndWhiskerCategoryDataset;

/** The study's figures, each an SVG document keyed by its file name. */
final class StudyFigures {
  private StudyFigures() {
  }

  /**
   * @param summary the summarised study
   * @return file name to SVG text, in report order
   */
  static Map<String, String> draw(StudySummary summary) {
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("lambda-by-regime.svg", SvgCharts.document(lambdaChart(summary), "lambda"));
    figures.put("coverage.svg", SvgCharts.document(coverageChart(summary), "coverage"));
    figures.put("heldout-rmse.svg", SvgCharts.document(errorChart(summary), "heldout"));
    return figures;
  }

  private static JFreeChart lambdaChart(StudySummary summary) {
    DefaultBoxAndWhiskerCategoryDataset dataset = new DefaultBoxAndWhiskerCategoryDataset();
    Map<String, ToDoubleFunction<ReplicationResult>> tuners = new LinkedHashMap<>();
    tuners.put("ability risk (same data)", ReplicationResult::abilityRiskLambda);
    tuners.put("ability risk (cross-fit)", ReplicationResult::crossFitLambda);
    tuners.put("PPI++ rule", ReplicationResult::ppiLambda);
    for (Regime regime : summary.design().regimes()) {
      tuners.forEach((name, lambda) -> dataset.add(
          boxed(summary.lambdas(regime, lambda)), name, regime.label()));
    }
    JFreeChart chart = ChartFactory.createBoxAndWhiskerChart(
        "Selected lambda per replication", "regime", "lambda", dataset, true);
    CategoryPlot plot = chart.getCategoryPlot();
    BoxAndWhiskerRenderer renderer = (BoxAndWhiskerRenderer) plot.getRenderer();
    renderer.setMeanVisible(true);
    renderer.setMaxOutlierVisible(true);
    plot.getRangeAxis().setRange(-0.02, 1.02);
    plot.addRangeMarker(marker(summary.lambdaMax(), "lambda_max = N/(n+N)"));
    return chart;
  }

  private static JFreeChart coverageChart(StudySummary summary) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (List<String> row : summary.coverageTable().rows()) {
      if (row.get(1).equals("lambda = 0")) {
        continue;
      }
      String series = row.get(2);
      dataset.addValue(number(row.get(3)), series + ", 90%", row.get(0));
      dataset.addValue(number(row.get(4)), series + ", 95%", row.get(0));
    }
    JFreeChart chart = ChartFactory.createBarChart("Wald interval coverage at lambda = "
        + summary.design().fixedLambda() + " (all item parameters)", "regime", "coverage",
        dataset, PlotOrientation.VERTICAL, true, false, false);
    CategoryPlot plot = chart.getCategoryPlot();
    plot.getRangeAxis().setRange(0.4, 1.0);
    plot.addRangeMarker(marker(0.90, "nominal 90%"));
    plot.addRangeMarker(marker(0.95, "nominal 95%"));
    return chart;
  }

  private static JFreeChart errorChart(StudySummary summary) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (List<String> row : summary.heldOutTable().rows()) {
      if (!row.get(1).equals("EAP")) {
        continue;
      }
      dataset.addValue(number(row.get(5)), "tuned lambda", row.get(0));
      dataset.addValue(number(row.get(7)), "lambda = 1", row.get(0));
    }
    JFreeChart chart = ChartFactory.createBarChart(
        "Held-out EAP ability RMSE, change from the human-only calibration", "regime",
        "RMSE minus RMSE at lambda = 0", dataset, PlotOrientation.VERTICAL, true, false,
        false);
    chart.getCategoryPlot().addRangeMarker(marker(0.0, ""));
    return chart;
  }

  private static ValueMarker marker(double value, String label) {
    ValueMarker marker = new ValueMarker(value, Color.DARK_GRAY, new BasicStroke(1.0f,
        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 4f}, 0f));
    marker.setLabel(label);
    marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    marker.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
    return marker;
  }

  private static double number(String cell) {
    return cell.equals("NA") ? Double.NaN : Double.parseDouble(cell);
  }

  private static List<Double> boxed(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }
}
