package io.github.msirt.diagnostics;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.svg.SVGGraphics2D;

/**
 * Renders JFreeChart charts as SVG elements, in one house style, for the HTML report and
 * the study's figure files.
 */
public final class SvgCharts {
  /** Width of a figure in pixels. */
  public static final int WIDTH = 760;

  /** Height of a figure in pixels. */
  public static final int HEIGHT = 380;

  private static final Color GRID = new Color(0xDD, 0xDD, 0xDD);

  private SvgCharts() {
  }

  /**
   * Draws a chart into a standalone {@code <svg>} element.
   *
   * @param chart the chart, styled here (white background, light grid, plain fonts)
   * @param id the element id, unique within the page; also prefixes the ids of the
   *     element's clip paths and gradients so that several figures can share a page
   * @param width width in pixels
   * @param height height in pixels
   * @return the {@code <svg ...>...</svg>} text
   */
  public static String svg(JFreeChart chart, String id, int width, int height) {
    System.setProperty("java.awt.headless", "true");
    style(chart);
    SVGGraphics2D graphics = new SVGGraphics2D(width, height);
    graphics.setDefsKeyPrefix(id + "-");
    chart.draw(graphics, new Rectangle(0, 0, width, height));
    return graphics.getSVGElement(id);
  }

  /**
   * @param chart the chart
   * @param id the element id
   * @return the chart at the default size
   */
  public static String svg(JFreeChart chart, String id) {
    return svg(chart, id, WIDTH, HEIGHT);
  }

  /**
   * A complete SVG file: the XML declaration followed by the element.
   *
   * @param chart the chart
   * @param id the element id
   * @return the file's text
   */
  public static String document(JFreeChart chart, String id) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + svg(chart, id) + "\n";
  }

  private static void style(JFreeChart chart) {
    chart.setBackgroundPaint(Color.WHITE);
    chart.setAntiAlias(true);
    if (chart.getTitle() != null) {
      chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    }
    Plot plot = chart.getPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlinePaint(Color.GRAY);
    if (plot instanceof XYPlot xy) {
      xy.setDomainGridlinePaint(GRID);
      xy.setRangeGridlinePaint(GRID);
      xy.setDomainGridlineStroke(new BasicStroke(0.5f));
      xy.setRangeGridlineStroke(new BasicStroke(0.5f));
    } else if (plot instanceof CategoryPlot category) {
      category.setRangeGridlinePaint(GRID);
      category.setRangeGridlineStroke(new BasicStroke(0.5f));
    }
  }
}
