package io.github.msirt.ml;

import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.MixedFit;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.tune.CalibrationOutcome;
import io.github.msirt.tune.Candidate;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * What a calibration leaves behind, as plain Java values: the item parameters, their
 * covariance, how lambda was chosen, every tuning candidate, the fit's diagnostics and the
 * numerical settings. It is what {@link CalibrationStore} saves and loads, and what a
 * {@link MixedSubjectsIrtModel} scores with.
 *
 * <p>Parameters are in slope-intercept form, {@code P(y = 1 | theta) = logistic(d + a theta)},
 * with difficulty {@code b = -d / a}. The covariance is {@code 2J x 2J}, ordered all
 * discriminations {@code a_1..a_J}, then all intercepts {@code d_1..d_J}.
 */
public final class CalibrationResult implements Serializable {
  private static final long serialVersionUID = 1L;

  private final ItemParameters parameters;
  private final double[][] covariance;
  private final String tuner;
  private final double lambda;
  private final double[] lambdaByFold;
  private final List<TuningCandidate> tuning;
  private final Diagnostics diagnostics;
  private final CalibrationSettings settings;

  /**
   * One evaluated lambda of the tuning, as a row of the tuning table.
   *
   * @param fold the fold it was tuned in ({@code "all"} outside cross-fitting)
   * @param lambda the candidate lambda
   * @param meanParamVar the ability risk, mean {@code g' Sigma g} over the target rows
   * @param selectionRisk the risk used to choose: infinite when the candidate is ineligible
   * @param converged whether the candidate's fit converged
   * @param maxA the largest absolute discrimination of the fit
   * @param eligible converged, every |a| within the guard, and a finite risk
   */
  public record TuningCandidate(String fold, double lambda, double meanParamVar,
      double selectionRisk, boolean converged, double maxA, boolean eligible)
      implements Serializable {
  }

  /**
   * How the final fit went and the sizes it saw.
   *
   * @param observedRespondents n: human respondents with at least one answer
   * @param generatedRespondents N: generated respondents with at least one answer (0 for
   *     a human-only fit)
   * @param lambdaMax {@code N / (n + N)}, the largest useful lambda
   * @param passes E-step passes over the data of the final fit
   * @param candidatePasses E-step passes of every tuning candidate's fit together
   * @param iterations Newton steps of the final fit
   * @param converged whether the final fit met its convergence test
   * @param reason why the optimiser stopped
   * @param objective {@code L_O + lambda (L_G - L_P)} at the fit
   */
  public record Diagnostics(double observedRespondents, double generatedRespondents,
      double lambdaMax, int passes, int candidatePasses, int iterations, boolean converged,
      String reason, double objective) implements Serializable {
  }

  /**
   * @param parameters the fitted item parameters
   * @param covariance their {@code 2J x 2J} covariance, all a then all d
   * @param tuner the rule that chose lambda: {@code fixed}, {@code crossfit},
   *     {@code ability-risk} or {@code ppi}
   * @param lambda the final lambda, in [0, 1]
   * @param lambdaByFold each fold's lambda (empty unless cross-fitted)
   * @param tuning every evaluated candidate, fold by fold (empty unless tuned by risk)
   * @param diagnostics the final fit's diagnostics
   * @param settings the numerical settings of the fit
   * @throws IllegalArgumentException if the covariance is not {@code 2J x 2J}
   */
  public CalibrationResult(ItemParameters parameters, double[][] covariance, String tuner,
      double lambda, double[] lambdaByFold, List<TuningCandidate> tuning,
      Diagnostics diagnostics, CalibrationSettings settings) {
    int size = 2 * parameters.itemCount();
    if (covariance.length != size) {
      throw new IllegalArgumentException("the covariance of " + parameters.itemCount()
          + " items must have " + size + " rows, found " + covariance.length);
    }
    this.covariance = new double[size][];
    for (int u = 0; u < size; u++) {
      if (covariance[u].length != size) {
        throw new IllegalArgumentException("covariance row " + (u + 1) + " has "
            + covariance[u].length + " entries, expected " + size);
      }
      this.covariance[u] = covariance[u].clone();
    }
    this.parameters = parameters;
    this.tuner = tuner;
    this.lambda = lambda;
    this.lambdaByFold = lambdaByFold.clone();
    this.tuning = List.copyOf(tuning);
    this.diagnostics = diagnostics;
    this.settings = settings;
  }

  /**
   * Collects the result of the calibration workflow.
   *
   * @param outcome what {@link io.github.msirt.tune.Calibrator} returned
   * @param settings the settings the calibrator used
   * @return the result
   */
  public static CalibrationResult of(CalibrationOutcome outcome, CalibrationSettings settings) {
    MixedFit fit = outcome.fit();
    List<TuningCandidate> tuning = new ArrayList<>();
    int candidatePasses = 0;
    for (Candidate candidate : outcome.candidates()) {
      tuning.add(new TuningCandidate(candidate.fold(), candidate.lambda(),
          candidate.meanParamVar(), candidate.selectionRisk(), candidate.converged(),
          candidate.maxDiscrimination(), candidate.eligible()));
      candidatePasses += candidate.fit().passes();
    }
    Diagnostics diagnostics = new Diagnostics(fit.observedRespondents(),
        outcome.generatedRespondents(), outcome.lambdaMax(), fit.passes(), candidatePasses,
        fit.iterations(), fit.converged(), fit.reason(), fit.objective());
    return new CalibrationResult(fit.parameters(), outcome.covariance().matrix(),
        outcome.tuner(), outcome.lambda(), outcome.lambdaByFold(), tuning, diagnostics,
        settings);
  }

  /** @return the fitted item parameters */
  public ItemParameters parameters() {
    return parameters;
  }

  /** @return the item names, in the order of the parameters */
  public List<String> items() {
    return parameters.items();
  }

  /** @return a copy of the {@code 2J x 2J} covariance, all a then all d */
  public double[][] covariance() {
    double[][] copy = new double[covariance.length][];
    for (int u = 0; u < covariance.length; u++) {
      copy[u] = covariance[u].clone();
    }
    return copy;
  }

  /** @return the covariance's row and column names, {@code a_<item>} then {@code d_<item>} */
  public List<String> parameterNames() {
    return parameters.parameterNames();
  }

  /** @return standard errors of {@code (a_1..a_J, d_1..d_J)}, from the covariance */
  public double[] standardErrors() {
    double[] errors = new double[covariance.length];
    for (int u = 0; u < errors.length; u++) {
      errors[u] = Math.sqrt(Math.max(0.0, covariance[u][u]));
    }
    return errors;
  }

  /**
   * Standard error of the difficulty {@code b = -d / a} by the delta method:
   * <pre>
   *   var(b) = (d / a^2)^2 var(a) - 2 (d / a^3) cov(a, d) + (1 / a)^2 var(d)
   * </pre>
   *
   * @param item item index, 0 to J - 1
   * @return the standard error of the item's difficulty
   */
  public double difficultyStandardError(int item) {
    int items = parameters.itemCount();
    double a = parameters.discrimination(item);
    double d = parameters.intercept(item);
    double slopeDerivative = d / (a * a);
    double interceptDerivative = -1.0 / a;
    double variance = slopeDerivative * slopeDerivative * covariance[item][item]
        + 2 * slopeDerivative * interceptDerivative * covariance[item][items + item]
        + interceptDerivative * interceptDerivative * covariance[items + item][items + item];
    return Math.sqrt(Math.max(0.0, variance));
  }

  /** @return the rule that chose lambda ({@code fixed} when it was given) */
  public String tuner() {
    return tuner;
  }

  /** @return the final lambda */
  public double lambda() {
    return lambda;
  }

  /** @return each fold's lambda (empty unless cross-fitted) */
  public double[] lambdaByFold() {
    return lambdaByFold.clone();
  }

  /** @return every evaluated tuning candidate, fold by fold */
  public List<TuningCandidate> tuning() {
    return tuning;
  }

  /** @return the final fit's diagnostics */
  public Diagnostics diagnostics() {
    return diagnostics;
  }

  /** @return the numerical settings of the fit */
  public CalibrationSettings settings() {
    return settings;
  }

  @Override
  public String toString() {
    return "CalibrationResult[" + parameters.itemCount() + " items, lambda " + lambda + " ("
        + tuner + "), n " + diagnostics.observedRespondents() + ", N "
        + diagnostics.generatedRespondents() + "]";
  }
}
