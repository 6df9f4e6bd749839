package io.github.msirt.estimate;

import io.github.msirt.model.ResponseMatrix;
import java.util.Arrays;

/**
 * Per-respondent E-step arithmetic: the posterior over the quadrature nodes, the log
 * marginal likelihood, and the marginal score vector, all in log space.
 *
 * <p>One kernel holds scratch buffers for one thread; it is cheap to create and not
 * thread-safe.
 */
public final class PosteriorKernel {
  // log(1e-18): posterior weights this far below the mode vanish in double precision.
  private static final double NEGLIGIBLE = -41.4;

  private final NodeTable table;
  private final double[] logJoint;
  private final int[] correctItems;
  private final int[] missingItems;
  private final int[] answeredItems;
  private int correctCount;
  private int missingCount;
  private int answeredCount;

  /**
   * @param table the 2PL evaluated at the current parameters
   */
  public PosteriorKernel(NodeTable table) {
    this.table = table;
    this.logJoint = new double[table.nodes];
    this.correctItems = new int[table.items];
    this.missingItems = new int[table.items];
    this.answeredItems = new int[table.items];
  }

  /** @return the table this kernel evaluates with */
  public NodeTable table() {
    return table;
  }

  /**
   * Classifies a row's cells; must be called before the other methods for that row.
   *
   * @param row cells coded 0, 1 or {@link ResponseMatrix#MISSING}
   * @return the number of answered items
   */
  public int load(byte[] row) {
    correctCount = 0;
    missingCount = 0;
    answeredCount = 0;
    for (int j = 0; j < table.items; j++) {
      byte value = row[j];
      if (value == ResponseMatrix.MISSING) {
        missingItems[missingCount++] = j;
      } else {
        answeredItems[answeredCount++] = j;
        if (value == 1) {
          correctItems[correctCount++] = j;
        }
      }
    }
    return answeredCount;
  }

  /**
   * Posterior weights of the loaded row over the nodes.
   *
   * @param weights receives the normalised posterior, one entry per node
   * @return {@code log Z}, the log marginal likelihood of the row
   */
  public double posterior(double[] weights) {
    int nodes = table.nodes;
    System.arraycopy(table.priorAndFailures, 0, logJoint, 0, nodes);
    for (int m = 0; m < missingCount; m++) {
      subtractRow(table.logFailure, missingItems[m] * nodes);
    }
    for (int c = 0; c < correctCount; c++) {
      addRow(table.eta, correctItems[c] * nodes);
    }
    double largest = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < nodes; k++) {
      largest = Math.max(largest, logJoint[k]);
    }

    // Nodes more than NEGLIGIBLE below the mode weigh less than 1e-18 relative to it, below
    // double precision of the total, so they are set to zero without an exponential.
    double total = 0;
    for (int k = 0; k < nodes; k++) {
      double gap = logJoint[k] - largest;
      double w = gap < NEGLIGIBLE ? 0.0 : Math.exp(gap);
      weights[k] = w;
      total += w;
    }
    double scale = 1.0 / total;
    for (int k = 0; k < nodes; k++) {
      weights[k] *= scale;
    }
    return largest + Math.log(total);
  }

  private void addRow(double[] source, int offset) {
    for (int k = 0; k < logJoint.length; k++) {
      logJoint[k] += source[offset + k];
    }
  }

  private void subtractRow(double[] source, int offset) {
    for (int k = 0; k < logJoint.length; k++) {
      logJoint[k] -= source[offset + k];
    }
  }

  /**
   * Posterior expectations {@code e[a][j] = sum_k w_k p_jk theta_k^a} for the answered
   * items, {@code a = 0, 1, 2}, and {@code moments[a] = sum_k w_k theta_k^a}.
   *
   * @param weights posterior weights of the loaded row
   * @param expectations receives {@code [3][items]}; entries of missing items are left as is
   * @param moments receives the three posterior moments of theta
   */
  public void expectations(double[] weights, double[][] expectations, double[] moments) {
    int nodes = table.nodes;
    double[] theta = table.theta;
    double first = 0;
    double second = 0;
    for (int k = 0; k < nodes; k++) {
      double weightedTheta = weights[k] * theta[k];
      first += weightedTheta;
      second += weightedTheta * theta[k];
    }
    moments[0] = 1.0;
    moments[1] = first;
    moments[2] = second;
    double[] probability = table.probability;
    for (int r = 0; r < answeredCount; r++) {
      int j = answeredItems[r];
      int offset = j * nodes;
      double zeroth = 0;
      double firstPower = 0;
      double secondPower = 0;
      for (int k = 0; k < nodes; k++) {
        double mass = weights[k] * probability[offset + k];
        double massTheta = mass * theta[k];
        zeroth += mass;
        firstPower += massTheta;
        secondPower += massTheta * theta[k];
      }
      expectations[0][j] = zeroth;
      expectations[1][j] = firstPower;
      expectations[2][j] = secondPower;
    }
  }

  private static double dot(double[] weights, double[] values, int offset) {
    double sum = 0;
    for (int k = 0; k < weights.length; k++) {
      sum += weights[k] * values[offset + k];
    }
    return sum;
  }

  /**
   * The marginal score of the loaded row: the gradient of its negative log marginal
   * likelihood, {@code E_w[(p_j - y_j) theta]} for {@code a_j} and {@code E_w[p_j - y_j]}
   * for {@code d_j}; zero for missing items.
   *
   * @param row the loaded row's cells
   * @param expectations from {@link #expectations}
   * @param moments from {@link #expectations}
   * @param score receives {@code 2 * items} entries, all a then all d
   */
  public void score(byte[] row, double[][] expectations, double[] moments, double[] score) {
    int items = table.items;
    Arrays.fill(score, 0.0);
    for (int r = 0; r < answeredCount; r++) {
      int j = answeredItems[r];
      double y = row[j];
      score[j] = expectations[1][j] - y * moments[1];
      score[items + j] = expectations[0][j] - y;
    }
  }

  int correctCount() {
    return correctCount;
  }

  int missingCount() {
    return missingCount;
  }

  int answeredCount() {
    return answeredCount;
  }

  int correctItem(int index) {
    return correctItems[index];
  }

  int missingItem(int index) {
    return missingItems[index];
  }

  int answeredItem(int index) {
    return answeredItems[index];
  }
}
