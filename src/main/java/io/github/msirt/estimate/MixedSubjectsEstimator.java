package io.github.msirt.estimate;

import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.ResponseMatrix;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marginal maximum-likelihood fits of the 2PL: human-only, and the mixed-subjects objective
 * <pre>
 *   L_O(gamma) + lambda (L_G(gamma) - L_P(gamma)),
 * </pre>
 * each {@code L} the mean negative marginal log-likelihood of its rows with posteriors
 * recomputed at the current {@code gamma = (a_1..a_J, d_1..d_J)}. Since the predictions P
 * and the generated rows G come from the same procedure, {@code L_G - L_P} has mean zero at
 * the human parameters, so the fit is consistent for them at any lambda (prediction-powered
 * inference: Angelopoulos, Bates, Fannjiang, Jordan and Zrnic, 2023, Science 382; its tuned
 * form PPI++: Angelopoulos, Duchi and Zrnic, 2023, arXiv:2311.01453).
 *
 * <p>The optimiser is {@link TrustRegionNewton} with the exact marginal Hessian from Louis'
 * identity; every objective evaluation is one E-step pass over each response set.
 */
public final class MixedSubjectsEstimator {
  private static final Logger LOG = LoggerFactory.getLogger(MixedSubjectsEstimator.class);

  private final CalibrationSettings settings;

  /**
   * @param settings numerical settings
   */
  public MixedSubjectsEstimator(CalibrationSettings settings) {
    this.settings = settings;
  }

  /** @return the settings */
  public CalibrationSettings settings() {
    return settings;
  }

  /**
   * Starting values of a human-only fit: {@code a = 1} and
   * {@code d = logit(p)} with p the proportion correct clamped to [0.05, 0.95].
   *
   * @param observed human responses
   * @return the starting parameters
   */
  public static ItemParameters startingValues(ResponseMatrix observed) {
    int items = observed.itemCount();
    double[] a = new double[items];
    double[] d = new double[items];
    for (int j = 0; j < items; j++) {
      double correct = 0;
      double answered = 0;
      for (int i = 0; i < observed.rowCount(); i++) {
        byte value = observed.cell(i, j);
        if (value != ResponseMatrix.MISSING) {
          answered += observed.frequency(i);
          correct += value * observed.frequency(i);
        }
      }
      double p = answered > 0 ? Math.min(0.95, Math.max(0.05, correct / answered)) : 0.5;
      a[j] = 1.0;
      d[j] = Math.log(p / (1 - p));
    }
    return new ItemParameters(observed.items(), a, d);
  }

  /**
   * The human-only 2PL marginal ML fit (lambda = 0).
   *
   * @param observed human responses
   * @return the fit
   */
  public MixedFit fitHumanOnly(ResponseMatrix observed) {
    MixedSubjectsData data = MixedSubjectsData.humanOnly(observed);
    return fit(data, 0.0, startingValues(observed), "human-only fit");
  }

  /**
   * Fits the mixed objective at a fixed lambda.
   *
   * @param data O, P and G
   * @param lambda weight of the correction, in [0, 1]; 0 is the human-only fit
   * @param start starting parameters, usually the human-only fit
   * @param phase description for logs and the Spark UI, e.g. "fit lambda=0.30"
   * @return the fit
   * @throws IllegalArgumentException if lambda is outside [0, 1], or positive without P and G
   */
  public MixedFit fit(MixedSubjectsData data, double lambda, ItemParameters start,
      String phase) {
    validateLambda(lambda);
    if (lambda > 0 && !data.hasPredictions()) {
      throw new IllegalArgumentException("lambda " + lambda
          + " needs predicted and generated responses; give them or use lambda 0");
    }
    LOG.info("{}: lambda {}, {} items, {} human rows, {} quadrature nodes", phase, lambda,
        data.items().size(), data.observed().rowCount(), settings.quadrature().size());
    PassLogger passes = new PassLogger(phase);
    Function<double[], MixedEvaluation> objective =
        x -> passes.timed(x, () -> evaluate(data, lambda, x, passes.label()));
    TrustRegionNewton optimiser =
        new TrustRegionNewton(settings.gradientTolerance(), settings.maxIterations());
    TrustRegionNewton.Outcome<MixedEvaluation> outcome =
        optimiser.minimise(objective, start.toVector(), lowerBounds(data.items()));
    return summarise(phase, data, outcome);
  }

  private MixedFit summarise(String phase, MixedSubjectsData data,
      TrustRegionNewton.Outcome<MixedEvaluation> outcome) {
    MixedEvaluation at = outcome.evaluation();
    double generated = at.generated() == null ? 0 : at.generated().respondents();
    MixedFit fit = new MixedFit(at, outcome.iterations(), outcome.evaluations(),
        outcome.converged(), outcome.reason(), at.observed().respondents(), generated);
    if (fit.converged()) {
      LOG.info("{}: converged after {} steps and {} passes, objective {} ({})", phase,
          fit.iterations(), fit.passes(), fit.objective(), fit.reason());
    } else {
      LOG.warn("{}: did not converge after {} steps ({}); raise the iteration limit or "
          + "check items near the slope bound", phase, fit.iterations(), fit.reason());
    }
    return fit;
  }

  /**
   * Evaluates the mixed objective, gradient and Hessian at a point: one E-step pass over O,
   * and over P and G when lambda is positive.
   *
   * @param data O, P and G
   * @param lambda weight of the correction
   * @param point parameter vector, all a then all d
   * @param phase description of the pass
   * @return the evaluation
   */
  public MixedEvaluation evaluate(MixedSubjectsData data, double lambda, double[] point,
      String phase) {
    ItemParameters parameters = ItemParameters.fromVector(data.items(), point);
    NodeTable table = new NodeTable(parameters, settings.quadrature());
    Detail detail = optimiserDetail(data.items().size());
    EStepStatistics observed = data.observedSource()
        .pass(parameters, settings.quadrature(), detail, phase + " observed");
    if (lambda == 0 || !data.hasPredictions()) {
      return new MixedEvaluation(table, lambda, observed, null, null);
    }
    EStepStatistics predicted = data.predictedSource()
        .pass(parameters, settings.quadrature(), detail, phase + " predicted");
    EStepStatistics generated = data.generated()
        .pass(parameters, settings.quadrature(), detail, phase + " generated");
    return new MixedEvaluation(table, lambda, observed, predicted, generated);
  }

  private Detail optimiserDetail(int items) {
    return items <= settings.maxHessianItems() ? Detail.HESSIAN : Detail.GRADIENT;
  }

  private double[] lowerBounds(List<String> items) {
    double[] lower = new double[2 * items.size()];
    Arrays.fill(lower, Double.NEGATIVE_INFINITY);
    Arrays.fill(lower, 0, items.size(), settings.slopeLowerBound());
    return lower;
  }

  /**
   * @param lambda candidate weight
   * @throws IllegalArgumentException unless lambda is a number in [0, 1]
   */
  public static void validateLambda(double lambda) {
    if (!(lambda >= 0 && lambda <= 1)) {
      throw new IllegalArgumentException("lambda must be between 0 and 1, found " + lambda);
    }
  }

  /** Logs each pass with its objective, parameter change and throughput. */
  private static final class PassLogger {
    private final String phase;
    private int count;
    private double[] previous;

    PassLogger(String phase) {
      this.phase = phase;
    }

    String label() {
      return phase + " pass " + (count + 1);
    }

    MixedEvaluation timed(double[] point, java.util.function.Supplier<MixedEvaluation> pass) {
      long start = System.nanoTime();
      MixedEvaluation evaluation = pass.get();
      double seconds = (System.nanoTime() - start) / 1e9;
      count++;
      double change = previous == null ? 0 : maxChange(previous, point);
      previous = point.clone();
      double rows = evaluation.observed().rows()
          + (evaluation.generated() == null ? 0
              : evaluation.generated().rows() + evaluation.predicted().rows());
      LOG.info("{} pass {}: objective {}, largest parameter change {}, {} rows in {} s "
          + "({} rows/s)", phase, count, evaluation.value(), change, (long) rows,
          String.format("%.3f", seconds), String.format("%.0f", rows / Math.max(seconds, 1e-9)));
      return evaluation;
    }

    private static double maxChange(double[] before, double[] after) {
      double largest = 0;
      for (int u = 0; u < before.length; u++) {
        largest = Math.max(largest, Math.abs(after[u] - before[u]));
      }
      return largest;
    }
  }
}
