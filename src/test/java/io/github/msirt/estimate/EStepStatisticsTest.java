package io.github.msirt.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.msirt.SharedData;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.Quadrature;
import io.github.msirt.model.ResponseMatrix;
import org.junit.jupiter.api.Test;

class EStepStatisticsTest {
  private static final Quadrature GRID = Quadrature.gaussHermite(31);

  private static ItemParameters someParameters(ResponseMatrix data) {
    int count = data.itemCount();
    double[] a = new double[count];
    double[] d = new double[count];
    for (int j = 0; j < count; j++) {
      a[j] = 0.7 + 0.15 * j;
      d[j] = -0.8 + 0.3 * j;
    }
    return new ItemParameters(data.items(), a, d);
  }

  private static double loss(ResponseMatrix data, double[] vector) {
    ItemParameters parameters = ItemParameters.fromVector(data.items(), vector);
    return LocalResponses.accumulate(data, new NodeTable(parameters, GRID), Detail.LIKELIHOOD)
        .meanNegativeLogLikelihood();
  }

  private static double[] gradient(ResponseMatrix data, double[] vector) {
    NodeTable table = new NodeTable(ItemParameters.fromVector(data.items(), vector), GRID);
    return LocalResponses.accumulate(data, table, Detail.GRADIENT).gradient(table);
  }

  private static void checkDerivatives(ResponseMatrix data) {
    ItemParameters parameters = someParameters(data);
    double[] x = parameters.toVector();
    NodeTable table = new NodeTable(parameters, GRID);
    EStepStatistics statistics = LocalResponses.accumulate(data, table, Detail.HESSIAN);
    double[] analyticGradient = statistics.gradient(table);
    double[][] analyticHessian = statistics.hessian(table);

    // Central differences with step 1e-5 have truncation error ~ h^2 f''' ~ 1e-10 and
    // rounding error ~ 1e-16 / h ~ 1e-11 on a loss of order 1, so 1e-8 is a safe bound.
    double step = 1e-5;
    for (int u = 0; u < x.length; u++) {
      double[] up = x.clone();
      double[] down = x.clone();
      up[u] += step;
      down[u] -= step;
      double numeric = (loss(data, up) - loss(data, down)) / (2 * step);
      assertEquals(numeric, analyticGradient[u], 1e-8, "gradient entry " + u);
      double[] gradientUp = gradient(data, up);
      double[] gradientDown = gradient(data, down);
      for (int v = 0; v < x.length; v++) {
        double numericHessian = (gradientUp[v] - gradientDown[v]) / (2 * step);
        assertEquals(numericHessian, analyticHessian[u][v], 1e-7, "hessian " + u + "," + v);
      }
    }
  }

  @Test
  void gradientAndLouisHessianMatchFiniteDifferencesOnCompleteData() {
    checkDerivatives(SharedData.readMatrix(SharedData.path("oracle/case07/observed.csv")));
  }

  @Test
  void gradientAndLouisHessianMatchFiniteDifferencesWithMissingCells() {
    checkDerivatives(SharedData.readMatrix(SharedData.path("oracle/case06/observed.csv")));
  }

  @Test
  void louisHessianIsExactWhenMostCellsOfARowAreMissing() {
    ResponseMatrix base =
        SharedData.readMatrix(SharedData.path("oracle/case06/observed.csv"));
    byte[] cells = new byte[base.rowCount() * base.itemCount()];
    byte[] row = new byte[base.itemCount()];
    for (int i = 0; i < base.rowCount(); i++) {
      base.copyRow(i, row);
      for (int j = 0; j < row.length; j++) {
        boolean planned = (i % 3 == 0) && ((i + j) % 4 != 0);
        cells[i * row.length + j] = planned ? ResponseMatrix.MISSING : row[j];
      }
    }
    checkDerivatives(ResponseMatrix.of(base.items(), cells, null, null));
  }

  @Test
  void compressedPatternsGiveTheSameStatisticsAsRawRows() {
    ResponseMatrix data = SharedData.readMatrix(SharedData.path("oracle/case06/observed.csv"));
    NodeTable table = new NodeTable(someParameters(data), GRID);
    EStepStatistics raw = LocalResponses.accumulate(data, table, Detail.HESSIAN);
    EStepStatistics compressed =
        LocalResponses.accumulate(data.distinctPatterns(), table, Detail.HESSIAN);
    assertEquals(raw.logLikelihood(), compressed.logLikelihood(), 1e-10);
    double[][] rawHessian = raw.hessian(table);
    double[][] compressedHessian = compressed.hessian(table);
    for (int u = 0; u < rawHessian.length; u++) {
      for (int v = 0; v < rawHessian.length; v++) {
        assertEquals(rawHessian[u][v], compressedHessian[u][v], 1e-12);
      }
    }
  }
}
