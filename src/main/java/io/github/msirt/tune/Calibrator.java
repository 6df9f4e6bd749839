package io.github.msirt.tune;

import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.Covariance;
import io.github.msirt.estimate.Detail;
import io.github.msirt.estimate.MixedFit;
import io.github.msirt.estimate.MixedSubjectsData;
import io.github.msirt.estimate.MixedSubjectsEstimator;
import io.github.msirt.estimate.SandwichCovariance;
import io.github.msirt.model.ResponseMatrix;
import java.util.ArrayList;
import java.util.List;

/**
 * The calibration workflow: fit at a given lambda, or choose lambda and then fit, each
 * ending with the Louis sandwich covariance of the final fit.
 */
public final class Calibrator {
  private final CalibrationSettings settings;
  private final MixedSubjectsEstimator estimator;

  /**
   * @param settings numerical settings
   */
  public Calibrator(CalibrationSettings settings) {
    this.settings = settings;
    this.estimator = new MixedSubjectsEstimator(settings);
  }

  /**
   * Fits at a fixed lambda (0 for the human-only fit).
   *
   * @param data O alone, or O, P and G
   * @param lambda weight of the correction, in [0, 1]
   * @return the outcome
   */
  public CalibrationOutcome calibrate(MixedSubjectsData data, double lambda) {
    MixedSubjectsEstimator.validateLambda(lambda);
    MixedFit human = estimator.fitHumanOnly(data.observed());
    MixedFit fit = lambda == 0 ? human
        : estimator.fit(data, lambda, human.parameters(), "calibrate lambda=" + lambda);
    return finish(data, fit, "fixed", new double[0], List.of(), null);
  }

  /**
   * Chooses lambda, then fits at it.
   *
   * @param data O, P and G
   * @param options the tuner and its settings
   * @return the outcome, with every evaluated candidate
   */
  public CalibrationOutcome tune(MixedSubjectsData data, TuningOptions options) {
    if (!data.hasPredictions()) {
      throw new IllegalArgumentException("tuning lambda needs predicted and generated "
          + "responses; give them, or calibrate the human-only model");
    }
    return switch (options.tuner()) {
      case PPI -> tunePpi(data);
      case ABILITY_RISK -> tuneAbilityRisk(data, options);
      case CROSSFIT -> tuneCrossFit(data, options);
    };
  }

  private CalibrationOutcome tunePpi(MixedSubjectsData data) {
    MixedFit human = estimator.fitHumanOnly(data.observed());
    double generated = generatedRespondents(data, human);
    PpiTraceRule.Result rule = PpiTraceRule.compute(data.observed(), data.predicted(),
        human.parameters(), generated, settings);
    MixedFit fit = rule.lambda() == 0 ? human
        : estimator.fit(data, rule.lambda(), human.parameters(), "ppi lambda");
    return finish(data, fit, "ppi", new double[0], List.of(), rule);
  }

  private CalibrationOutcome tuneAbilityRisk(MixedSubjectsData data, TuningOptions options) {
    ResponseMatrix target = options.target() == null ? data.observed() : options.target();
    AbilityRiskTuner.Result result = search(data, target, options, "all");
    MixedFit fit = result.best().fit();
    return finish(data, fit, "ability-risk", new double[0], result.candidates(), null);
  }

  private CalibrationOutcome tuneCrossFit(MixedSubjectsData data, TuningOptions options) {
    int[] folds = options.foldAssignment() != null ? options.foldAssignment()
        : CrossFitTuner.randomFolds(data.observed().rowCount(), options.folds(),
            options.seed());
    CrossFitTuner.Result result = new CrossFitTuner(estimator).tune(data, folds,
        (training, fold) -> search(training,
            options.target() == null ? training.observed() : options.target(), options,
            fold));
    List<Candidate> candidates = new ArrayList<>();
    result.folds().forEach(fold -> candidates.addAll(fold.candidates()));
    return finish(data, result.fit(), "crossfit", result.foldLambdas(), candidates, null);
  }

  private AbilityRiskTuner.Result search(MixedSubjectsData data, ResponseMatrix target,
      TuningOptions options, String fold) {
    AbilityRiskTuner tuner = new AbilityRiskTuner(estimator);
    if (options.search() == TuningOptions.Search.GRID) {
      return tuner.grid(data, target, options.grid(), fold);
    }
    double lower = Double.POSITIVE_INFINITY;
    double upper = Double.NEGATIVE_INFINITY;
    for (double lambda : options.grid()) {
      lower = Math.min(lower, lambda);
      upper = Math.max(upper, lambda);
    }
    return tuner.search(data, target, lower, upper, fold);
  }

  private double generatedRespondents(MixedSubjectsData data, MixedFit human) {
    return data.generated().pass(human.parameters(), settings.quadrature(),
        Detail.LIKELIHOOD, "count generated respondents").respondents();
  }

  private CalibrationOutcome finish(MixedSubjectsData data, MixedFit fit, String tuner,
      double[] lambdaByFold, List<Candidate> candidates, PpiTraceRule.Result ppi) {
    Covariance covariance = SandwichCovariance.louis(fit, data, settings);
    double generated = !data.hasPredictions() ? 0
        : fit.generatedRespondents() > 0 ? fit.generatedRespondents()
        : generatedRespondents(data, fit);
    return new CalibrationOutcome(fit, covariance, tuner, fit.lambda(), lambdaByFold,
        candidates, ppi, generated);
  }

  /** @return the settings */
  public CalibrationSettings settings() {
    return settings;
  }
}
