package io.github.msirt.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.tune.Candidate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiagnosticWarningsTest {
  private static final CalibrationSettings SETTINGS = CalibrationSettings.defaults();

  @Test
  void slopesAtTheBoundAndAboveTheGuardAreNamed() {
    ItemParameters items = new ItemParameters(List.of("flat", "fine", "runaway"),
        new double[] {1e-4, 1.2, 12}, new double[] {0, 0, 0});

    List<String> warnings = DiagnosticWarnings.slopes("chosen fit", items, SETTINGS, 0.01);

    assertEquals(2, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("item flat: discrimination 0.0001000"),
        warnings.get(0));
    assertTrue(warnings.get(1).startsWith("item runaway: discrimination 12.00"),
        warnings.get(1));
  }

  @Test
  void scoresAtTheBoundsAreCounted() {
    List<String> warnings =
        DiagnosticWarnings.scoreBounds(new ScoreBounds(3, 2, 0, 100, -6, 6));

    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).startsWith("5 of 100 human respondents (5.0%) have ability "
        + "scores at the bounds [-6, 6] (3 at the lower, 2 at the upper bound)"),
        warnings.get(0));
    assertTrue(DiagnosticWarnings.scoreBounds(new ScoreBounds(0, 0, 1, 100, -6, 6))
        .isEmpty());
  }

  @Test
  void ineligibleCandidatesAreListedWithTheirReason() {
    List<Candidate> candidates = List.of(
        new Candidate("all", 0.5, 0.01, 0.01, true, 1.5, true, null, null),
        new Candidate("all", 0.9, 0.02, Double.POSITIVE_INFINITY, false, 3, false, null, null),
        new Candidate("1/2", 1.0, 0.001, Double.POSITIVE_INFINITY, true, 21, false, null,
            null));

    List<String> warnings = DiagnosticWarnings.ineligible(candidates, 10);

    assertEquals(List.of("2 of 3 tuning candidates were ineligible and could not be chosen: "
        + "fold all lambda 0.900 (did not converge); fold 1/2 lambda 1.000 (max "
        + "discrimination 21.0)"), warnings);
  }

  @Test
  void lambdaNotClearlyAboveItsPlaceboIsReportedForEachRule() {
    PlaceboLambda close = new PlaceboLambda(1L, 2, 0.30, new double[] {0.10, 0.28},
        "ability-risk", 0.40, 0.38, 0.05);
    PlaceboLambda clear = new PlaceboLambda(1L, 2, 0.30, new double[] {0.0, 0.1},
        "ability-risk", 0.40, 0.02, 0.05);

    List<String> warnings = DiagnosticWarnings.placebo(close);

    assertEquals(2, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("the PPI++ lambda 0.300 is not clearly above its "
        + "placebo"), warnings.get(0));
    assertTrue(warnings.get(1).startsWith("the chosen lambda 0.400 (ability-risk tuner) is "
        + "not clearly above its placebo 0.380"), warnings.get(1));
    assertTrue(DiagnosticWarnings.placebo(clear).isEmpty());
  }

  @Test
  void aChosenFitLessPreciseThanHumanOnlyIsReported() {
    EffectiveSampleSize worse = new EffectiveSampleSize(200, 600, 0.02, 0.01, 400, 0.2, 0.5,
        80, 200, new double[0]);

    List<String> warnings = DiagnosticWarnings.precisionLoss(worse);

    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("the chosen fit's item parameters are less precise "
        + "than the human-only fit's (summed variance 0.5000 against 0.2000): by that measure "
        + "the mixed data are worth 80 humans"), warnings.get(0));
  }

  @Test
  void lambdaZeroNeedsNoPlaceboWarning() {
    PlaceboLambda zero = new PlaceboLambda(1L, 1, 0.0, new double[] {0.0}, "ability-risk",
        0.0, 0.0, 0.05);

    assertTrue(DiagnosticWarnings.placebo(zero).isEmpty());
  }
}
