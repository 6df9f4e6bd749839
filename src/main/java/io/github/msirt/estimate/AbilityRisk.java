package io.github.msirt.estimate;

import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.ResponseMatrix;

/**
 * The ability risk of a calibration: how much item-parameter uncertainty moves the ability
 * scores of a target population,
 * <pre>
 *   R = mean over target rows of g_i' Sigma g_i,
 * </pre>
 * with {@code g_i} the implicit gradient of row i's bounded ML score and {@code Sigma} the
 * item-parameter covariance. Rows whose score sits at a bound or has no answers are left
 * out: their score does not move with the parameters. The mean is formed as
 * {@code trace(Sigma G) / m} with {@code G = sum_i c_i g_i g_i'}, so that a target given as
 * distinct patterns with frequencies costs one pass over its patterns.
 *
 * <p>NOTE: the published R implementation scores with a 1-D optimiser that stops about 5e-5
 * inside the bounds, so its boundary test (1.5e-8) misses every all-correct and all-wrong
 * row; it then evaluates the implicit gradient at that non-stationary point and includes it.
 * Those rows can make up half of its risk. {@link #ofScores} reproduces that computation
 * when given the reference's own scores, for comparison.
 */
public final class AbilityRisk {
  private final double risk;
  private final double includedRespondents;
  private final double excludedRespondents;
  private final double[][] gradientOuterProducts;

  private AbilityRisk(double risk, double included, double excluded, double[][] outer) {
    this.risk = risk;
    this.includedRespondents = included;
    this.excludedRespondents = excluded;
    this.gradientOuterProducts = outer;
  }

  /**
   * Risk of a covariance for a target population, with the scores computed here.
   *
   * @param target response rows of the target population (frequencies respected)
   * @param parameters the calibration's item parameters
   * @param covariance the item-parameter covariance, all a then all d
   * @param settings supplies the ability bounds
   * @return the risk
   */
  public static AbilityRisk of(ResponseMatrix target, ItemParameters parameters,
      double[][] covariance, CalibrationSettings settings) {
    AbilityScorer scorer = AbilityScorer.of(parameters, settings);
    ResponseMatrix patterns = target.distinctPatterns();
    Accumulator accumulator = new Accumulator(2 * parameters.itemCount());
    byte[] row = new byte[patterns.itemCount()];
    for (int i = 0; i < patterns.rowCount(); i++) {
      patterns.copyRow(i, row);
      accumulator.add(scorer.gradient(row, scorer.score(row)), patterns.frequency(i));
    }
    return accumulator.finish(covariance);
  }

  /**
   * Risk with scores supplied by the caller, evaluating the implicit gradient at each given
   * score whether or not it is stationary; rows with a NaN score are left out.
   *
   * @param target response rows
   * @param parameters item parameters
   * @param covariance item-parameter covariance
   * @param scores one ability per target row
   * @return the risk
   */
  public static AbilityRisk ofScores(ResponseMatrix target, ItemParameters parameters,
      double[][] covariance, double[] scores) {
    AbilityScorer scorer = new AbilityScorer(parameters, Double.NEGATIVE_INFINITY,
        Double.POSITIVE_INFINITY);
    Accumulator accumulator = new Accumulator(2 * parameters.itemCount());
    byte[] row = new byte[target.itemCount()];
    for (int i = 0; i < target.rowCount(); i++) {
      target.copyRow(i, row);
      double[] gradient = Double.isNaN(scores[i]) ? null : scorer.gradientAt(row, scores[i]);
      accumulator.add(gradient, target.frequency(i));
    }
    return accumulator.finish(covariance);
  }

  private static final class Accumulator {
    private final double[][] outer;
    private double included;
    private double excluded;

    Accumulator(int size) {
      this.outer = new double[size][size];
    }

    void add(double[] gradient, double frequency) {
      if (gradient == null) {
        excluded += frequency;
        return;
      }
      included += frequency;
      for (int u = 0; u < gradient.length; u++) {
        double scaled = frequency * gradient[u];
        if (scaled == 0.0) {
          continue;
        }
        for (int v = 0; v < gradient.length; v++) {
          outer[u][v] += scaled * gradient[v];
        }
      }
    }

    AbilityRisk finish(double[][] covariance) {
      double total = 0;
      for (int u = 0; u < outer.length; u++) {
        for (int v = 0; v < outer.length; v++) {
          total += covariance[u][v] * outer[v][u];
        }
      }
      double risk = included > 0 ? total / included : Double.NaN;
      return new AbilityRisk(risk, included, excluded, outer);
    }
  }

  /** @return the mean of {@code g' Sigma g} over the included rows (NaN if none) */
  public double risk() {
    return risk;
  }

  /** @return target respondents whose scores entered the mean */
  public double includedRespondents() {
    return includedRespondents;
  }

  /** @return target respondents left out: scores at a bound or without answers */
  public double excludedRespondents() {
    return excludedRespondents;
  }

  /** @return {@code sum_i c_i g_i g_i'} over the included rows */
  public double[][] gradientOuterProducts() {
    double[][] copy = new double[gradientOuterProducts.length][];
    for (int u = 0; u < copy.length; u++) {
      copy[u] = gradientOuterProducts[u].clone();
    }
    return copy;
  }
}
