package io.github.msirt.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.OracleCase;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.ResponseMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Very long tests, where a product-form likelihood underflows (shared case 14). */
class LongTestTest {

  @Test
  void twoThousandItemsGiveFiniteEstimatesAndPreciseScores() {
    int rows = 300;
    int items = 2000;
    SplittableRandom random = new SplittableRandom(124);
    List<String> names = new ArrayList<>();
    double[] a = new double[items];
    double[] d = new double[items];
    for (int j = 0; j < items; j++) {
      names.add(String.format("q%04d", j + 1));
      a[j] = 0.7 + 1.3 * random.nextDouble();
      d[j] = -1.5 + 3 * random.nextDouble();
    }
    double[] theta = new double[rows];
    byte[] cells = new byte[rows * items];
    for (int i = 0; i < rows; i++) {
      theta[i] = gaussian(random);
      for (int j = 0; j < items; j++) {
        double p = NodeTable.logistic(a[j] * theta[i] + d[j]);
        cells[i * items + j] = (byte) (random.nextDouble() < p ? 1 : 0);
      }
    }
    ResponseMatrix data = ResponseMatrix.of(names, cells, null, null);
    ItemParameters truth = new ItemParameters(names, a, d);
    CalibrationSettings settings = CalibrationSettings.defaults();

    // Log-space E-step: a finite log-likelihood at the truth (about -3e5)
    EStepStatistics atTruth = LocalResponses.accumulate(data,
        new NodeTable(truth, settings.quadrature()), Detail.GRADIENT);
    assertTrue(Double.isFinite(atTruth.logLikelihood()));
    assertTrue(atTruth.logLikelihood() < -1e5 && atTruth.logLikelihood() > -1e6);

    // The fit uses the block model Hessian and gives finite estimates that track the truth
    MixedFit fit = new MixedSubjectsEstimator(settings).fitHumanOnly(data);
    double[] fitted = fit.parameters().toVector();
    for (double value : fitted) {
      assertTrue(Double.isFinite(value));
    }
    assertTrue(correlation(a, fit.parameters().discriminations()) > 0.8);
    assertTrue(correlation(d, fit.parameters().intercepts()) > 0.95);

    // ML scores at the truth: precision not limited by the grid, SE about 0.04
    AbilityScorer scorer = AbilityScorer.of(truth, settings);
    byte[] row = new byte[items];
    double squaredError = 0;
    double standardErrors = 0;
    for (int i = 0; i < rows; i++) {
      data.copyRow(i, row);
      AbilityScore score = scorer.score(row);
      double[] eap = scorer.expectedAPosteriori(row, settings.quadrature());
      assertTrue(Double.isFinite(eap[0]) && eap[1] >= 0, "EAP of row " + (i + 1));
      squaredError += Math.pow(score.theta() - theta[i], 2);
      standardErrors += score.standardError();
    }
    assertEquals(0.05, Math.sqrt(squaredError / rows), 0.02);
    assertEquals(0.04, standardErrors / rows, 0.015);
  }

  @Test
  void blockModelHessianReachesTheSameOptimumAsTheExactHessian() {
    OracleCase oracle = OracleCase.load("case07");
    MixedFit exact = new MixedSubjectsEstimator(CalibrationSettings.defaults())
        .fit(oracle.data(), 0.5,
            MixedSubjectsEstimator.startingValues(oracle.observed()), "exact");
    MixedFit block = new MixedSubjectsEstimator(
        CalibrationSettings.builder().maxHessianItems(1).maxIterations(2000).build())
        .fit(oracle.data(), 0.5,
            MixedSubjectsEstimator.startingValues(oracle.observed()), "block");
    assertTrue(block.converged(), block.reason());
    assertTrue(block.passes() > exact.passes());
    double[] expected = exact.parameters().toVector();
    double[] actual = block.parameters().toVector();
    for (int u = 0; u < expected.length; u++) {
      assertEquals(expected[u], actual[u], 1e-6);
    }
  }

  private static double gaussian(SplittableRandom random) {
    double u = random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
  }

  private static double correlation(double[] x, double[] y) {
    double mx = 0;
    double my = 0;
    for (int i = 0; i < x.length; i++) {
      mx += x[i] / x.length;
      my += y[i] / y.length;
    }
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
