package io.github.msirt.cli;

import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.io.InputException;
import picocli.CommandLine.Option;

/** The quadrature grid and the ability bounds. */
public final class ModelOptions {
  @Option(names = "--quadrature-points", paramLabel = "K", defaultValue = "31",
      description = "Gauss-Hermite nodes for the N(0, 1) ability distribution, 2 to 200 "
          + "(default: ${DEFAULT-VALUE}).")
  int quadraturePoints;

  @Option(names = "--ppi-scores", paramLabel = "human|own", defaultValue = "human",
      description = "Posteriors that score the predictions in the PPI++ rule: the paired "
          + "humans' (as the published R implementation) or the predictions' own (as the "
          + "marginal objective and its sandwich) (default: ${DEFAULT-VALUE}).")
  String ppiScores;

  @Option(names = "--theta-bounds", paramLabel = "LOW,HIGH", defaultValue = "-6,6",
      description = "Bounds of maximum-likelihood ability scores; all-correct and all-wrong "
          + "patterns score at a bound (default: ${DEFAULT-VALUE}).")
  String thetaBounds;

  /**
   * @return {@code {low, high}}
   * @throws InputException unless two finite numbers with low below high
   */
  public double[] thetaBounds() {
    String[] parts = thetaBounds.split(",");
    double low = parts.length == 2 ? number(parts[0]) : Double.NaN;
    double high = parts.length == 2 ? number(parts[1]) : Double.NaN;
    if (Double.isFinite(low) && Double.isFinite(high) && low < high) {
      return new double[] {low, high};
    }
    throw new InputException("--theta-bounds must be two numbers LOW,HIGH with LOW < HIGH, "
        + "found \"" + thetaBounds + "\"");
  }

  private boolean ownPpiScores() {
    String choice = ppiScores == null ? "human" : ppiScores.strip();
    if (choice.equalsIgnoreCase("human") || choice.equalsIgnoreCase("own")) {
      return choice.equalsIgnoreCase("own");
    }
    throw new InputException("--ppi-scores must be human or own, found \"" + ppiScores
        + "\"");
  }

  // Text that is not a number reads as NaN, which the caller rejects with one message.
  private static double number(String text) {
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException notNumber) {
      return Double.NaN;
    }
  }

  /**
   * @return numerical settings with these nodes and bounds, other settings at their defaults
   * @throws InputException for a node count outside 2..200 or bad bounds
   */
  public CalibrationSettings toSettings() {
    if (quadraturePoints < 2 || quadraturePoints > 200) {
      throw new InputException("--quadrature-points must be between 2 and 200, found "
          + quadraturePoints);
    }
    double[] bounds = thetaBounds();
    return CalibrationSettings.builder()
        .quadraturePoints(quadraturePoints)
        .thetaBounds(bounds[0], bounds[1])
        .ppiOwnPosteriors(ownPpiScores())
        .build();
  }
}
