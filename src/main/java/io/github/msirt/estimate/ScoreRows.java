package io.github.msirt.estimate;

import io.github.msirt.model.ResponseMatrix;

/** Per-respondent marginal score vectors, for the paired parts of the sandwich and PPI++. */
public final class ScoreRows {
  private ScoreRows() {
  }

  /**
   * Marginal score of every row with its own posterior: the gradient of the row's negative
   * log marginal likelihood. Rows without any answer get a zero vector.
   *
   * @param matrix response rows
   * @param table the 2PL at the parameters
   * @return {@code rows x 2J}, all a then all d
   */
  public static double[][] ownPosterior(ResponseMatrix matrix, NodeTable table) {
    return withPosteriorOf(matrix, matrix, table);
  }

  /**
   * Score vectors of {@code responses} computed with the posterior weights of the paired row
   * of {@code posteriorSource}: {@code E_w[(p_j - y_j) theta]}, {@code E_w[p_j - y_j]} where
   * {@code w} comes from the other matrix. Items missing in either row get zero.
   *
   * @param responses the rows whose answers enter the score
   * @param posteriorSource the paired rows whose posteriors weight the nodes
   * @param table the 2PL at the parameters
   * @return {@code rows x 2J}
   */
  public static double[][] withPosteriorOf(ResponseMatrix responses,
      ResponseMatrix posteriorSource, NodeTable table) {
    int items = table.itemCount();
    PosteriorKernel posteriorKernel = new PosteriorKernel(table);
    PosteriorKernel scoreKernel = new PosteriorKernel(table);
    double[] weights = new double[table.nodeCount()];
    double[][] expectations = new double[3][items];
    double[] moments = new double[3];
    byte[] sourceRow = new byte[items];
    byte[] responseRow = new byte[items];
    double[][] scores = new double[responses.rowCount()][2 * items];
    for (int i = 0; i < responses.rowCount(); i++) {
      posteriorSource.copyRow(i, sourceRow);
      responses.copyRow(i, responseRow);
      if (posteriorKernel.load(sourceRow) == 0 || scoreKernel.load(responseRow) == 0) {
        continue;
      }
      posteriorKernel.posterior(weights);
      scoreKernel.expectations(weights, expectations, moments);
      scoreKernel.score(responseRow, expectations, moments, scores[i]);
    }
    return scores;
  }

  /**
   * Sample covariance (denominator {@code m - 1}) of the given rows of a score matrix.
   *
   * @param scores per-row vectors
   * @param include which rows count
   * @return the covariance, zero when fewer than two rows count
   */
  public static double[][] covariance(double[][] scores, boolean[] include) {
    int size = scores.length == 0 ? 0 : scores[0].length;
    double[] mean = new double[size];
    int count = 0;
    for (int i = 0; i < scores.length; i++) {
      if (include[i]) {
        count++;
        for (int u = 0; u < size; u++) {
          mean[u] += scores[i][u];
        }
      }
    }
    double[][] covariance = new double[size][size];
    if (count < 2) {
      return covariance;
    }
    for (int u = 0; u < size; u++) {
      mean[u] /= count;
    }
    for (int i = 0; i < scores.length; i++) {
      if (!include[i]) {
        continue;
      }
      for (int u = 0; u < size; u++) {
        double left = scores[i][u] - mean[u];
        for (int v = u; v < size; v++) {
          covariance[u][v] += left * (scores[i][v] - mean[v]);
        }
      }
    }
    for (int u = 0; u < size; u++) {
      for (int v = u; v < size; v++) {
        covariance[u][v] /= count - 1;
        covariance[v][u] = covariance[u][v];
      }
    }
    return covariance;
  }

  /**
   * @param matrix response rows
   * @return which rows have at least one answer
   */
  public static boolean[] answeredRows(ResponseMatrix matrix) {
    boolean[] answered = new boolean[matrix.rowCount()];
    for (int i = 0; i < answered.length; i++) {
      answered[i] = matrix.answeredCount(i) > 0;
    }
    return answered;
  }
}
