package io.github.msirt.diagnostics;

import io.github.msirt.estimate.AbilityRisk;
import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.Covariance;
import io.github.msirt.estimate.MixedFit;
import io.github.msirt.estimate.MixedSubjectsData;
import io.github.msirt.estimate.MixedSubjectsEstimator;
import io.github.msirt.estimate.SandwichCovariance;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.ResponseMatrix;
import io.github.msirt.tune.CalibrationOutcome;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything the diagnostics compute for one mixed-subjects calibration.
 *
 * @param outcome the calibration
 * @param settings its numerical settings
 * @param humanFit the human-only fit (lambda 0)
 * @param humanCovariance its Louis sandwich covariance
 * @param agreement cell agreement and correlation of P with O per item
 * @param ppiCorrelation the PPI correlation of the human and prediction score contributions
 * @param effectiveSize what the generated data are worth in human respondents
 * @param placebo lambda with P's rows shuffled against O
 * @param scoreBounds human ability scores at the bounds, under the chosen fit
 * @param humanInformation test information of the human-only fit
 * @param chosenInformation test information of the chosen fit
 * @param warnings plain-language warnings, also logged at WARN
 */
public record CalibrationDiagnostics(CalibrationOutcome outcome, CalibrationSettings settings,
    MixedFit humanFit, Covariance humanCovariance, ItemAgreement agreement,
    PpiCorrelation ppiCorrelation, EffectiveSampleSize effectiveSize, PlaceboLambda placebo,
    ScoreBounds scoreBounds, TestInformation humanInformation,
    TestInformation chosenInformation, List<String> warnings) {
  private static final Logger LOG = LoggerFactory.getLogger(CalibrationDiagnostics.class);

  // Abilities at which the information curves are drawn.
  private static final int CURVE_POINTS = 161;

  /**
   * Computes the diagnostics of a calibration. Costs a human-only fit, one pass of scores
   * over O and P per placebo draw, and, when the options carry the tuning options, one more
   * tuning run on shuffled P.
   *
   * @param outcome the calibration
   * @param data the O, P and G it was calibrated on
   * @param settings its settings
   * @param options placebo and warning settings
   * @return the diagnostics
   * @throws IllegalArgumentException if the data have no predictions
   */
  public static CalibrationDiagnostics compute(CalibrationOutcome outcome,
      MixedSubjectsData data, CalibrationSettings settings, DiagnosticOptions options) {
    if (!data.hasPredictions()) {
      throw new IllegalArgumentException("diagnostics compare O with its predictions P; "
          + "this calibration has human responses only");
    }
    ResponseMatrix observed = data.observed();
    LOG.info("diagnostics of the {} calibration at lambda {}: {} human rows", outcome.tuner(),
        outcome.lambda(), observed.rowCount());

    // Human-only reference fit and the ability risk at lambda 0 and at the chosen lambda
    MixedFit human = new MixedSubjectsEstimator(settings).fitHumanOnly(observed);
    Covariance humanCovariance = SandwichCovariance.louis(human, data, settings);
    ItemParameters chosen = outcome.fit().parameters();
    double riskHuman = AbilityRisk.of(observed, human.parameters(), humanCovariance.matrix(),
        settings).risk();
    double riskChosen = AbilityRisk.of(observed, chosen, outcome.covariance().matrix(),
        settings).risk();

    // Row alignment, effective sample size and the placebo
    ItemAgreement agreement = ItemAgreement.of(observed, data.predicted());
    PpiCorrelation correlation =
        PpiCorrelation.of(observed, data.predicted(), human.parameters(), settings);
    EffectiveSampleSize effective = EffectiveSampleSize.of(human.observedRespondents(),
        outcome.generatedRespondents(), riskHuman, riskChosen, humanCovariance.trace(),
        outcome.covariance().trace(), correlation);
    PlaceboLambda placebo =
        PlaceboLambda.compute(outcome, data, human.parameters(), settings, options);

    // Curves, bounds and warnings
    ScoreBounds bounds = ScoreBounds.of(observed, chosen, settings);
    TestInformation humanCurve = TestInformation.curve(human.parameters(),
        options.thetaLower(), options.thetaUpper(), CURVE_POINTS);
    TestInformation chosenCurve = TestInformation.curve(chosen, options.thetaLower(),
        options.thetaUpper(), CURVE_POINTS);
    List<String> warnings = warnings(outcome, human, settings, options, bounds, placebo);
    warnings.addAll(DiagnosticWarnings.precisionLoss(effective));
    warnings.forEach(warning -> LOG.warn("diagnostics: {}", warning));
    return new CalibrationDiagnostics(outcome, settings, human, humanCovariance, agreement,
        correlation, effective, placebo, bounds, humanCurve, chosenCurve, List.copyOf(warnings));
  }

  private static List<String> warnings(CalibrationOutcome outcome, MixedFit human,
      CalibrationSettings settings, DiagnosticOptions options, ScoreBounds bounds,
      PlaceboLambda placebo) {
    List<String> warnings = new ArrayList<>();
    warnings.addAll(DiagnosticWarnings.slopes("chosen fit", outcome.fit().parameters(),
        settings, options.slopeTolerance()));
    if (outcome.lambda() > 0) {
      warnings.addAll(DiagnosticWarnings.slopes("human-only fit", human.parameters(),
          settings, options.slopeTolerance()));
    }
    warnings.addAll(DiagnosticWarnings.scoreBounds(bounds));
    warnings.addAll(DiagnosticWarnings.convergence("chosen fit", outcome.fit()));
    if (outcome.lambda() > 0) {
      warnings.addAll(DiagnosticWarnings.convergence("human-only fit", human));
    }
    warnings.addAll(DiagnosticWarnings.ineligible(outcome.candidates(),
        settings.maxDiscrimination()));
    warnings.addAll(DiagnosticWarnings.placebo(placebo));
    return warnings;
  }

  /** @return the number of human respondents n */
  public double humans() {
    return humanFit.observedRespondents();
  }
}
