package io.github.msirt.diagnostics;

import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.MixedFit;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.tune.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plain-language warnings of the diagnostics, one check per method: items at the slope
 * bound or above the discrimination guard, scores at the ability bounds, fits that did not
 * converge, ineligible tuning candidates, a chosen fit less precise than the human-only fit,
 * and a lambda not clearly above its placebo.
 */
final class DiagnosticWarnings {
  private DiagnosticWarnings() {
  }

  static List<String> slopes(String fitName, ItemParameters parameters,
      CalibrationSettings settings, double tolerance) {
    List<String> warnings = new ArrayList<>();
    for (int j = 0; j < parameters.itemCount(); j++) {
      double a = parameters.discrimination(j);
      if (a <= settings.slopeLowerBound() + tolerance) {
        warnings.add(format("item %s: discrimination %.4g in the %s is at the lower slope "
            + "bound %.4g; the item hardly measures the ability: check its scoring key or "
            + "leave it out", parameters.items().get(j), a, fitName,
            settings.slopeLowerBound()));
      } else if (a > settings.maxDiscrimination()) {
        warnings.add(format("item %s: discrimination %.4g in the %s is above the guard %.4g;"
            + " a runaway slope makes its standard errors and the ability risk unreliable",
            parameters.items().get(j), a, fitName, settings.maxDiscrimination()));
      }
    }
    return warnings;
  }

  static List<String> scoreBounds(ScoreBounds bounds) {
    if (bounds.atBounds() == 0) {
      return List.of();
    }
    return List.of(format("%.0f of %.0f human respondents (%.1f%%) have ability scores at the "
        + "bounds [%s, %s] (%.0f at the lower, %.0f at the upper bound): they answered every "
        + "item wrong or right, their ML score is the bound itself, and they are left out of "
        + "the ability risk", bounds.atBounds(), bounds.respondents(),
        100 * bounds.atBounds() / bounds.respondents(), plain(bounds.lowerBound()),
        plain(bounds.upperBound()), bounds.lower(), bounds.upper()));
  }

  static List<String> convergence(String fitName, MixedFit fit) {
    if (fit.converged()) {
      return List.of();
    }
    return List.of(format("the %s (lambda %.4g) did not converge after %d steps (%s); its "
        + "estimates and standard errors are unreliable: raise the iteration limit or look "
        + "for items at the slope bound", fitName, fit.lambda(), fit.iterations(),
        fit.reason()));
  }

  static List<String> ineligible(List<Candidate> candidates, double guard) {
    List<String> listed = new ArrayList<>();
    for (Candidate candidate : candidates) {
      if (!candidate.eligible()) {
        listed.add(format("fold %s lambda %.3f (%s)", candidate.fold(), candidate.lambda(),
            !candidate.converged() ? "did not converge"
                : candidate.maxDiscrimination() > guard
                    ? format("max discrimination %.3g", candidate.maxDiscrimination())
                    : "no finite ability risk"));
      }
    }
    if (listed.isEmpty()) {
      return List.of();
    }
    return List.of(format("%d of %d tuning candidates were ineligible and could not be "
        + "chosen: %s", listed.size(), candidates.size(), String.join("; ", listed)));
  }

  static List<String> precisionLoss(EffectiveSampleSize size) {
    List<String> warnings = new ArrayList<>();
    if (size.byRisk() < size.humans()) {
      warnings.add(format("the chosen fit has a larger ability risk than the human-only fit "
          + "(%.4g against %.4g): by that measure the mixed data are worth %.0f humans, fewer "
          + "than the n = %.0f used alone", size.riskChosen(), size.riskHumanOnly(),
          size.byRisk(), size.humans()));
    }
    if (size.byTrace() < size.humans()) {
      warnings.add(format("the chosen fit's item parameters are less precise than the "
          + "human-only fit's (summed variance %.4g against %.4g): by that measure the mixed "
          + "data are worth %.0f humans, fewer than the n = %.0f used alone; check the "
          + "intervals of each item", size.traceChosen(), size.traceHumanOnly(), size.byTrace(),
          size.humans()));
    }
    return warnings;
  }

  static List<String> placebo(PlaceboLambda placebo) {
    List<String> warnings = new ArrayList<>();
    if (placebo.realPpi() > 0 && !PlaceboLambda.clearlyAbove(placebo.realPpi(),
        placebo.placeboPpiMax(), placebo.margin())) {
      warnings.add(format("the PPI++ lambda %.3f is not clearly above its placebo: with P's "
          + "rows shuffled against O it reaches %.3f (largest of %d shuffles); the weight it "
          + "gives the generated data does not come from P predicting these humans",
          placebo.realPpi(), placebo.placeboPpiMax(), placebo.draws()));
    }
    boolean ownTuner = !placebo.tuner().equals("ppi") && placebo.tunerRerun();
    if (ownTuner && placebo.realLambda() > 0 && !PlaceboLambda.clearlyAbove(
        placebo.realLambda(), placebo.placeboTuned(), placebo.margin())) {
      warnings.add(format("the chosen lambda %.3f (%s tuner) is not clearly above its placebo"
          + " %.3f, found by the same tuner with P's rows shuffled against O; the gain may "
          + "not come from P predicting these humans, so treat lambda 0 as the safe choice",
          placebo.realLambda(), placebo.tuner(), placebo.placeboTuned()));
    }
    return warnings;
  }

  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private static String format(String pattern, Object... values) {
    return String.format(Locale.ROOT, pattern, values);
  }
}
