package io.github.msirt.tune;

import io.github.msirt.estimate.AbilityRisk;
import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.Covariance;
import io.github.msirt.estimate.MixedFit;
import io.github.msirt.estimate.MixedSubjectsData;
import io.github.msirt.estimate.MixedSubjectsEstimator;
import io.github.msirt.estimate.SandwichCovariance;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.ResponseMatrix;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses lambda by the ability risk {@code R(lambda) = mean g' Sigma(lambda) g} over a
 * target population: every candidate is fitted from the human-only fit, its Louis sandwich
 * formed, and its risk computed. A candidate that did not converge, has a discrimination
 * above the guard (default 10: runaway slopes collapse the covariance and fake a low
 * risk), or has a non-finite risk is ineligible. With no eligible candidate, lambda is the
 * lower end of the range (human-only when it is 0).
 */
public final class AbilityRiskTuner {
  private static final Logger LOG = LoggerFactory.getLogger(AbilityRiskTuner.class);

  // Risk given to ineligible candidates inside the 1-D search, which needs finite values.
  private static final double PENALTY = 1e12;

  private final MixedSubjectsEstimator estimator;

  /**
   * @param estimator fits each candidate
   */
  public AbilityRiskTuner(MixedSubjectsEstimator estimator) {
    this.estimator = estimator;
  }

  /** Every evaluated candidate and the chosen one. */
  public record Result(List<Candidate> candidates, Candidate best) {
  }

  /**
   * Evaluates every lambda of a grid and picks the smallest eligible risk.
   *
   * @param data O, P and G
   * @param target rows whose scores the risk is about (usually O)
   * @param grid candidate lambdas in [0, 1]
   * @param fold label for the candidates
   * @return the candidates and the best
   */
  public Result grid(MixedSubjectsData data, ResponseMatrix target, double[] grid,
      String fold) {
    Evaluator evaluator = new Evaluator(data, target, fold);
    for (double lambda : grid) {
      evaluator.evaluate(lambda);
    }
    return evaluator.result(min(grid));
  }

  /**
   * Minimises the risk over [lower, upper] by Brent's method (golden section with parabolic
   * steps; Brent, 1973, Algorithms for Minimization without Derivatives) with absolute
   * tolerance 1e-3, after evaluating both ends so that the human-only end is never missed.
   *
   * @param data O, P and G
   * @param target rows whose scores the risk is about
   * @param lower lower end of the range, in [0, 1]
   * @param upper upper end, not below lower
   * @param fold label for the candidates
   * @return every evaluated candidate and the best
   */
  public Result search(MixedSubjectsData data, ResponseMatrix target, double lower,
      double upper, String fold) {
    Evaluator evaluator = new Evaluator(data, target, fold);
    evaluator.evaluate(lower);
    evaluator.evaluate(upper);
    if (upper > lower) {
      BrentOptimizer brent = new BrentOptimizer(1.5e-8, 1e-3 / 3);
      brent.optimize(new MaxEval(100), GoalType.MINIMIZE,
          new SearchInterval(lower, upper),
          new UnivariateObjectiveFunction(lambda -> {
            double risk = evaluator.evaluate(lambda).selectionRisk();
            return Double.isFinite(risk) ? risk : PENALTY;
          }));
    }
    return evaluator.result(lower);
  }

  private static double min(double[] values) {
    double smallest = Double.POSITIVE_INFINITY;
    for (double value : values) {
      smallest = Math.min(smallest, value);
    }
    return smallest;
  }

  /** Fits, covariances and risks of candidates, memoised by lambda. */
  private final class Evaluator {
    private final MixedSubjectsData data;
    private final ResponseMatrix target;
    private final String fold;
    private final Map<Double, Candidate> evaluated = new TreeMap<>();
    private ItemParameters humanFit;

    Evaluator(MixedSubjectsData data, ResponseMatrix target, String fold) {
      this.data = data;
      this.target = target;
      this.fold = fold;
    }

    Candidate evaluate(double lambda) {
      MixedSubjectsEstimator.validateLambda(lambda);
      Candidate known = evaluated.get(lambda);
      if (known != null) {
        return known;
      }
      if (humanFit == null) {
        humanFit = estimator.fitHumanOnly(data.observed()).parameters();
      }
      String phase = String.format("tune lambda=%.4f fold %s", lambda, fold);
      MixedFit fit = estimator.fit(data, lambda, humanFit, phase);
      Candidate candidate = assess(fit);
      LOG.debug("{}: risk {}, eligible {}", phase, candidate.meanParamVar(),
          candidate.eligible());
      LOG.info("{}: ability risk {}, max a {}, converged {}, eligible {}", phase,
          candidate.meanParamVar(), candidate.maxDiscrimination(), candidate.converged(),
          candidate.eligible());
      evaluated.put(lambda, candidate);
      return candidate;
    }

    private Candidate assess(MixedFit fit) {
      CalibrationSettings settings = estimator.settings();
      Covariance covariance;
      double risk;
      try {
        covariance = SandwichCovariance.louis(fit, data, settings);
        risk = AbilityRisk.of(target, fit.parameters(), covariance.matrix(), settings).risk();
      } catch (IllegalStateException e) {
        covariance = null;
        risk = Double.POSITIVE_INFINITY;
      }
      double maxA = fit.parameters().maxAbsDiscrimination();
      boolean eligible = fit.converged() && maxA <= settings.maxDiscrimination()
          && Double.isFinite(risk);
      return new Candidate(fold, fit.lambda(), risk,
          eligible ? risk : Double.POSITIVE_INFINITY, fit.converged(), maxA, eligible, fit,
          covariance);
    }

    Result result(double fallbackLambda) {
      List<Candidate> candidates = new ArrayList<>(evaluated.values());
      Candidate best = candidates.stream().filter(Candidate::eligible)
          .min(Comparator.comparingDouble(Candidate::selectionRisk)).orElse(null);
      if (best == null) {
        LOG.warn("fold {}: no lambda candidate converged with a finite ability risk and "
            + "slopes within the guard; using lambda {}", fold, fallbackLambda);
        best = evaluate(fallbackLambda);
      }
      LOG.info("fold {}: chose lambda {} with ability risk {} among {} candidates", fold,
          best.lambda(), best.meanParamVar(), candidates.size());
      return new Result(candidates, best);
    }
  }
}
