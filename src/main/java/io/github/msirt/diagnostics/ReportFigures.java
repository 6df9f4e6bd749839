package io.github.msirt.diagnostics;

import io.github.msirt.estimate.Covariance;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.tune.Candidate;
import io.github.msirt.tune.CalibrationOutcome;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The report's figures, drawn with JFreeChart and rendered as inline SVG by
 * {@link SvgCharts}. Each figure has a fixed element id, listed in {@link #IDS}.
 */
public final class ReportFigures {
  /** The element ids of the figures, in report order. */
  public static final List<String> IDS = List.of("figure-risk", "figure-discrimination",
      "figure-intercept", "figure-information", "figure-standard-error", "figure-alignment",
      "figure-placebo");

  // 97.5% standard normal quantile for 95% Wald intervals.
  private static final double Z95 = 1.959963984540054;

  // Horizontal offset of the two fits' intervals around each item's position.
  private static final double OFFSET = 0.12;

  private ReportFigures() {
  }

  /**
   * @param diagnostics the diagnostics
   * @return figure id to {@code <svg>} element, in report order
   */
  public static Map<String, String> draw(CalibrationDiagnostics diagnostics) {
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put(IDS.get(0), SvgCharts.svg(riskCurve(diagnostics), IDS.get(0)));
    figures.put(IDS.get(1), SvgCharts.svg(parameters(diagnostics, true), IDS.get(1)));
    figures.put(IDS.get(2), SvgCharts.svg(parameters(diagnostics, false), IDS.get(2)));
    figures.put(IDS.get(3), SvgCharts.svg(information(diagnostics, true), IDS.get(3)));
    figures.put(IDS.get(4), SvgCharts.svg(information(diagnostics, false), IDS.get(4)));
    figures.put(IDS.get(5), SvgCharts.svg(alignment(diagnostics), IDS.get(5)));
    figures.put(IDS.get(6), SvgCharts.svg(placebo(diagnostics.placebo()), IDS.get(6)));
    return figures;
  }

  private static JFreeChart riskCurve(CalibrationDiagnostics diagnostics) {
    CalibrationOutcome outcome = diagnostics.outcome();
    XYSeriesCollection dataset = new XYSeriesCollection();
    Map<String, XYSeries> folds = new LinkedHashMap<>();
    XYSeries ineligible = new XYSeries("ineligible candidates");
    for (Candidate candidate : outcome.candidates()) {
      double risk = candidate.meanParamVar();
      if (!(risk > 0) || !Double.isFinite(risk)) {
        continue;
      }
      if (candidate.eligible()) {
        folds.computeIfAbsent(candidate.fold(), fold -> new XYSeries("fold " + fold))
            .add(candidate.lambda(), risk);
      } else {
        ineligible.add(candidate.lambda(), risk);
      }
    }
    if (folds.isEmpty()) {
      XYSeries ends = new XYSeries("R at lambda 0 and the chosen lambda (no candidates)");
      ends.add(0.0, diagnostics.effectiveSize().riskHumanOnly());
      ends.addOrUpdate(outcome.lambda(), diagnostics.effectiveSize().riskChosen());
      folds.put("ends", ends);
    }
    folds.values().forEach(dataset::addSeries);
    if (!ineligible.isEmpty()) {
      dataset.addSeries(ineligible);
    }
    JFreeChart chart = ChartFactory.createXYLineChart("Ability risk R(lambda) of the "
        + "evaluated candidates", "lambda", "ability risk R", dataset,
        PlotOrientation.VERTICAL, true, false, false);
    XYPlot plot = chart.getXYPlot();
    XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
    if (!ineligible.isEmpty()) {
      renderer.setSeriesLinesVisible(dataset.getSeriesCount() - 1, false);
    }
    plot.setRenderer(renderer);
    useLogScaleIfWide(plot, dataset);
    plot.getDomainAxis().setRange(-0.02, 1.02);
    riskMarkers(plot, outcome);
    return chart;
  }

  private static void useLogScaleIfWide(XYPlot plot, XYSeriesCollection dataset) {
    double low = dataset.getRangeLowerBound(false);
    double high = dataset.getRangeUpperBound(false);
    if (low > 0 && high / low > 20) {
      plot.setRangeAxis(new LogAxis("ability risk R (log scale)"));
    }
  }

  private static void riskMarkers(XYPlot plot, CalibrationOutcome outcome) {
    for (int f = 0; f < outcome.lambdaByFold().length; f++) {
      ValueMarker fold = marker(outcome.lambdaByFold()[f], "fold " + (f + 1), Color.GRAY,
          new float[] {2f, 3f});
      fold.setLabelAnchor(RectangleAnchor.BOTTOM_RIGHT);
      fold.setLabelTextAnchor(TextAnchor.BOTTOM_LEFT);
      fold.setLabelOffset(new RectangleInsets(4 + 14 * f, 2, 4 + 14 * f, 2));
      plot.addDomainMarker(fold);
    }
    plot.addDomainMarker(marker(outcome.lambdaMax(), "lambda_max = N/(n+N)",
        Color.DARK_GRAY, new float[] {6f, 4f}));
    plot.addDomainMarker(marker(outcome.lambda(), "chosen lambda", new Color(0xB2, 0x22, 0x22),
        null));
  }

  private static JFreeChart parameters(CalibrationDiagnostics diagnostics,
      boolean discriminations) {
    ItemParameters human = diagnostics.humanFit().parameters();
    CalibrationOutcome outcome = diagnostics.outcome();
    YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
    dataset.addSeries(intervals("human-only (lambda = 0)", human,
        diagnostics.humanCovariance(), discriminations, -OFFSET));
    dataset.addSeries(intervals(String.format("chosen (lambda = %.3f)", outcome.lambda()),
        outcome.fit().parameters(), outcome.covariance(), discriminations, OFFSET));
    String what = discriminations ? "Discriminations a" : "Intercepts d";
    JFreeChart chart = ChartFactory.createXYLineChart(what + " with 95% Wald intervals",
        "item", discriminations ? "a" : "d", dataset, PlotOrientation.VERTICAL, true, false,
        false);
    XYPlot plot = chart.getXYPlot();
    XYErrorRenderer renderer = new XYErrorRenderer();
    renderer.setDrawXError(false);
    renderer.setDefaultLinesVisible(false);
    renderer.setDefaultShapesVisible(true);
    renderer.setErrorStroke(new BasicStroke(1.2f));
    plot.setRenderer(renderer);
    SymbolAxis itemAxis = new SymbolAxis("item", human.items().toArray(new String[0]));
    itemAxis.setVerticalTickLabels(human.itemCount() > 8);
    plot.setDomainAxis(itemAxis);
    return chart;
  }

  private static YIntervalSeries intervals(String name, ItemParameters parameters,
      Covariance covariance, boolean discriminations, double offset) {
    YIntervalSeries series = new YIntervalSeries(name);
    double[] errors = covariance.standardErrors();
    int items = parameters.itemCount();
    for (int j = 0; j < items; j++) {
      double value = discriminations ? parameters.discrimination(j) : parameters.intercept(j);
      double error = errors[discriminations ? j : items + j];
      series.add(j + offset, value, value - Z95 * error, value + Z95 * error);
    }
    return series;
  }

  private static JFreeChart information(CalibrationDiagnostics diagnostics,
      boolean showInformation) {
    XYSeriesCollection dataset = new XYSeriesCollection();
    dataset.addSeries(curve("human-only (lambda = 0)", diagnostics.humanInformation(),
        showInformation));
    dataset.addSeries(curve(String.format("chosen (lambda = %.3f)",
        diagnostics.outcome().lambda()), diagnostics.chosenInformation(), showInformation));
    String title = showInformation ? "Test information I(theta)"
        : "Standard error of ability SE(theta) = 1 / sqrt(I(theta))";
    return ChartFactory.createXYLineChart(title, "theta", showInformation ? "I(theta)"
        : "SE(theta)", dataset, PlotOrientation.VERTICAL, true, false, false);
  }

  private static XYSeries curve(String name, TestInformation information,
      boolean showInformation) {
    XYSeries series = new XYSeries(name);
    double[] values = showInformation ? information.information()
        : information.standardError();
    for (int k = 0; k < values.length; k++) {
      if (Double.isFinite(values[k])) {
        series.add(information.thetas()[k], values[k]);
      }
    }
    return series;
  }

  private static JFreeChart alignment(CalibrationDiagnostics diagnostics) {
    ItemAgreement agreement = diagnostics.agreement();
    PpiCorrelation correlation = diagnostics.ppiCorrelation();
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    for (int j = 0; j < agreement.items().size(); j++) {
      String item = agreement.items().get(j);
      dataset.addValue(finiteOrNull(agreement.agreement()[j]), "cell agreement", item);
      dataset.addValue(finiteOrNull(agreement.correlation()[j]), "cell correlation", item);
      dataset.addValue(finiteOrNull(correlation.byItem()[j]), "PPI correlation", item);
    }
    JFreeChart chart = ChartFactory.createBarChart(String.format("Row alignment of P with O "
        + "(overall PPI correlation %.3f, effective n %.0f of n = %.0f)",
        correlation.overall(), diagnostics.effectiveSize().byCorrelation(),
        diagnostics.humans()), "item", "share or correlation", dataset,
        PlotOrientation.VERTICAL, true, false, false);
    chart.getCategoryPlot().getRangeAxis().setRange(-1.0, 1.0);
    chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(
        CategoryLabelPositions.UP_45);
    chart.getCategoryPlot().getDomainAxis().setMaximumCategoryLabelWidthRatio(2f);
    return chart;
  }

  private static JFreeChart placebo(PlaceboLambda placebo) {
    DefaultCategoryDataset dataset = new DefaultCategoryDataset();
    dataset.addValue(placebo.realPpi(), "true pairing", "PPI++ rule");
    dataset.addValue(placebo.placeboPpiMax(), "P shuffled", "PPI++ rule");
    if (placebo.tunerRerun() && !placebo.tuner().equals("ppi")) {
      String tuner = placebo.tuner() + " tuner";
      dataset.addValue(placebo.realLambda(), "true pairing", tuner);
      dataset.addValue(placebo.placeboTuned(), "P shuffled", tuner);
    }
    JFreeChart chart = ChartFactory.createBarChart("Placebo: lambda with P's rows shuffled "
        + "against O", "rule", "lambda", dataset, PlotOrientation.VERTICAL, true, false, false);
    chart.getCategoryPlot().getRangeAxis().setRange(0.0, 1.0);
    return chart;
  }

  private static Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }

  private static ValueMarker marker(double value, String label, Color colour, float[] dash) {
    ValueMarker marker = new ValueMarker(value, colour, new BasicStroke(1.2f,
        BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, dash, 0f));
    marker.setLabel(label);
    marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
    marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
    return marker;
  }
}
