package io.github.msirt.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.SharedData;
import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.MixedSubjectsEstimator;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.ResponseMatrix;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PpiCorrelationTest {
  private static final List<String> ONE_ITEM = List.of("i1");

  @Test
  void influenceContributionsAreCorrelatedByParameterItemAndOverall() {
    // H^-1 = [[1, 1], [0, 1]] maps a score (s_a, s_d) to (s_a + s_d, s_d)
    double[][] inverse = {{1, 1}, {0, 1}};
    double[][] human = {{1, 0}, {0, 1}, {-1, -1}};
    double[][] prediction = {{0, 0}, {1, 0}, {-1, 0}};

    PpiCorrelation correlation =
        PpiCorrelation.fromScores(ONE_ITEM, human, prediction, inverse, null);

    // psi_O = (1,0) (1,1) (-2,-1); psi_P = (0,0) (1,0) (-1,0)
    assertEquals(3 / Math.sqrt(12), correlation.byParameter()[0], 1e-15);
    assertTrue(Double.isNaN(correlation.byParameter()[1]), "psi_P is constant in d");
    assertEquals(0.75, correlation.byItem()[0], 1e-15);
    assertEquals(0.75, correlation.overall(), 1e-15);
    assertEquals(List.of("a_i1", "d_i1"), correlation.parameters());
  }

  @Test
  void rescalingTheHessianChangesNothing() {
    double[][] human = {{1, 0}, {0, 1}, {-1, -1}, {2, 0}};
    double[][] prediction = {{0, 1}, {1, 0}, {-1, 0}, {1, 1}};

    PpiCorrelation identity = PpiCorrelation.fromScores(ONE_ITEM, human, prediction,
        new double[][] {{1, 0}, {0, 1}}, null);
    PpiCorrelation doubled = PpiCorrelation.fromScores(ONE_ITEM, human, prediction,
        new double[][] {{2, 0}, {0, 2}}, null);

    assertEquals(identity.overall(), doubled.overall(), 1e-15);
  }

  @Test
  void predictionsEqualToTheHumansCorrelatePerfectly() {
    ResponseMatrix observed =
        SharedData.readMatrix(Path.of("testdata/simulated/observed.csv"));
    CalibrationSettings settings = CalibrationSettings.defaults();
    ItemParameters human =
        new MixedSubjectsEstimator(settings).fitHumanOnly(observed).parameters();

    PpiCorrelation correlation = PpiCorrelation.of(observed, observed, human, settings);

    assertEquals(1.0, correlation.overall(), 1e-12);
    assertEquals(1.0, correlation.ruleOverall(), 1e-12);
    for (double item : correlation.byItem()) {
      assertEquals(1.0, item, 1e-12);
    }
  }
}
