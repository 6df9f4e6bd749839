package io.github.msirt.diagnostics;

import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.MixedSubjectsData;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.ResponseMatrix;
import io.github.msirt.tune.CalibrationOutcome;
import io.github.msirt.tune.Calibrator;
import io.github.msirt.tune.PpiTraceRule;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The placebo lambda: lambda chosen again after P's rows are shuffled against O, which
 * keeps every marginal distribution of P and G but destroys the pairing that the
 * correction {@code L_G - L_P} relies on. A real lambda that is not clearly above its
 * placebo means the gain does not come from P predicting these particular humans.
 *
 * <p>The PPI++ trace rule is closed-form, so it is evaluated on {@code draws}
 * permutations; draw k shuffles with seed {@code seed + k}. The run's own tuner is rerun on
 * the first permutation when the caller gives its tuning options and it tuned by ability
 * risk (plain or cross-fitted); when the run used the PPI++ rule, the rule is its tuner.
 *
 * @param seed seed of the first permutation
 * @param draws number of permutations for the PPI++ rule
 * @param realPpi the PPI++ lambda with the true pairing
 * @param placeboPpi the PPI++ lambda of each permutation
 * @param tuner the run's tuner ({@code fixed}, {@code ppi}, {@code ability-risk} or
 *     {@code crossfit})
 * @param realLambda the run's lambda
 * @param placeboTuned the run's tuner on the first permutation, NaN when not rerun
 * @param margin how far the real lambda must exceed the placebo to count as clearly above
 */
public record PlaceboLambda(long seed, int draws, double realPpi, double[] placeboPpi,
    String tuner, double realLambda, double placeboTuned, double margin) {
  private static final Logger LOG = LoggerFactory.getLogger(PlaceboLambda.class);

  /**
   * Computes the placebo.
   *
   * @param outcome the run
   * @param data its O, P and G
   * @param humanFit the human-only parameters, where the PPI++ rule is evaluated
   * @param settings the run's settings
   * @param options seed, draws, margin and the optional tuning options
   * @return the placebo
   */
  public static PlaceboLambda compute(CalibrationOutcome outcome, MixedSubjectsData data,
      ItemParameters humanFit, CalibrationSettings settings, DiagnosticOptions options) {
    ResponseMatrix observed = data.observed();
    double generated = outcome.generatedRespondents();
    double realPpi = PpiTraceRule.compute(observed, data.predicted(), humanFit, generated,
        settings).lambda();

    // The closed-form rule on every permutation
    double[] placeboPpi = new double[options.placeboDraws()];
    for (int k = 0; k < placeboPpi.length; k++) {
      ResponseMatrix shuffled = shuffled(data.predicted(), options.placeboSeed() + k);
      placeboPpi[k] = PpiTraceRule.compute(observed, shuffled, humanFit, generated, settings)
          .lambda();
    }

    // The run's own tuner on the first permutation
    double placeboTuned = Double.NaN;
    if (outcome.tuner().equals("ppi")) {
      placeboTuned = placeboPpi[0];
    } else if (options.tuning() != null && !outcome.tuner().equals("fixed")) {
      MixedSubjectsData placeboData = MixedSubjectsData.of(observed,
          shuffled(data.predicted(), options.placeboSeed()), data.generated());
      placeboTuned = new Calibrator(settings).tune(placeboData, options.tuning()).lambda();
    }
    LOG.info("placebo: PPI++ lambda {} with the true pairing, {} shuffled; tuner {} lambda {}"
        + " with the true pairing, {} shuffled", realPpi, maximum(placeboPpi), outcome.tuner(),
        outcome.lambda(), placeboTuned);
    return new PlaceboLambda(options.placeboSeed(), placeboPpi.length, realPpi, placeboPpi,
        outcome.tuner(), outcome.lambda(), placeboTuned, options.placeboMargin());
  }

  /**
   * @param predicted P
   * @param seed the permutation's seed
   * @return P with its rows in the order of {@link #permutation}
   */
  static ResponseMatrix shuffled(ResponseMatrix predicted, long seed) {
    return predicted.selectRows(permutation(predicted.rowCount(), seed));
  }

  /**
   * A uniformly random permutation by the Fisher-Yates shuffle.
   *
   * @param size number of rows
   * @param seed seed of the random stream
   * @return the row order {@code 0..size-1} shuffled
   */
  public static int[] permutation(int size, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    for (int i = size - 1; i > 0; i--) {
      int other = random.nextInt(i + 1);
      int kept = order[i];
      order[i] = order[other];
      order[other] = kept;
    }
    return order;
  }

  /**
   * @param real a lambda with the true pairing
   * @param placebo the same rule's lambda with the pairing destroyed
   * @param margin the required lead
   * @return whether {@code real - placebo >= margin}, up to rounding (1e-12)
   */
  public static boolean clearlyAbove(double real, double placebo, double margin) {
    return real - placebo >= margin - 1e-12;
  }

  /** @return the largest PPI++ lambda over the permutations */
  public double placeboPpiMax() {
    return maximum(placeboPpi);
  }

  /** @return the mean PPI++ lambda over the permutations */
  public double placeboPpiMean() {
    double sum = 0;
    for (double value : placeboPpi) {
      sum += value;
    }
    return sum / placeboPpi.length;
  }

  /** @return whether the run's own tuner was evaluated on shuffled P */
  public boolean tunerRerun() {
    return !Double.isNaN(placeboTuned);
  }

  private static double maximum(double[] values) {
    double largest = Double.NEGATIVE_INFINITY;
    for (double value : values) {
      largest = Math.max(largest, value);
    }
    return largest;
  }
}
