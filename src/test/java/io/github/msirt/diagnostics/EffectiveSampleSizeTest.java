package io.github.msirt.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EffectiveSampleSizeTest {

  @Test
  void perfectPredictionsAreWorthEveryGeneratedRespondent() {
    assertEquals(1600.0, EffectiveSampleSize.fromCorrelation(400, 1200, 1.0), 1e-9);
  }

  @Test
  void uselessOrAntiCorrelatedPredictionsAreWorthNothing() {
    assertEquals(400.0, EffectiveSampleSize.fromCorrelation(400, 1200, 0.0), 1e-12);
    assertEquals(400.0, EffectiveSampleSize.fromCorrelation(400, 1200, -0.3), 1e-12);
  }

  @Test
  void halfCorrelationFollowsTheFormula() {
    // 400 / (1 - 0.25 * 1200 / 1600) = 400 / 0.8125
    assertEquals(492.3076923076923, EffectiveSampleSize.fromCorrelation(400, 1200, 0.5),
        1e-9);
  }

  @Test
  void riskRatioConvertsToRespondents() {
    assertEquals(800.0, EffectiveSampleSize.fromRatio(400, 0.02, 0.01), 1e-12);
    assertTrue(Double.isNaN(EffectiveSampleSize.fromRatio(400, 0.02, 0.0)));
    assertTrue(Double.isNaN(EffectiveSampleSize.fromRatio(400, Double.NaN, 0.01)));
  }

  @Test
  void everyVersionIsFilledIn() {
    PpiCorrelation correlation = new PpiCorrelation(List.of("i1", "i2"),
        List.of("a_i1", "a_i2", "d_i1", "d_i2"), 0.5, new double[] {1.0, 0.0},
        new double[4], 0.5);

    EffectiveSampleSize size =
        EffectiveSampleSize.of(400, 1200, 0.03, 0.02, 0.9, 0.6, correlation);

    assertEquals(600.0, size.byRisk(), 1e-9);
    assertEquals(600.0, size.byTrace(), 1e-9);
    assertEquals(492.3076923076923, size.byCorrelation(), 1e-9);
    assertArrayEquals(new double[] {1600.0, 400.0}, size.byItemCorrelation(), 1e-9);
  }
}
