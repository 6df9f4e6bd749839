package io.github.msirt.estimate;

import java.io.Serializable;

/**
 * Sufficient statistics of one E-step pass over a set of response rows, mergeable across
 * partitions.
 *
 * <p>For each row i with frequency c_i and posterior weights w_ik at the current parameters
 * it accumulates: the log marginal likelihood {@code sum c_i log Z_i}; the expected counts
 * {@code N_jk} (mass at node k of respondents who answered item j) and {@code R_jk} (of
 * those who answered it correctly); and, at {@link Detail#HESSIAN}, what Louis' identity
 * needs for the exact marginal Hessian,
 * <pre>
 *   d2 L = (1/n) sum_i [ E_w(H_complete,i) - Var_w(s_ik) ],
 * </pre>
 * where {@code s_ik} is the complete-data score of row i at node k (Louis, 1982, JRSS B 44).
 * The posterior variance is split into item-level sums: the pairwise node masses of items
 * answered together, {@code sum c_i y_ij y_il E_w[theta^p]}, {@code sum c_i y_il
 * E_w[p_j theta^p]}, and the outer products of the marginal scores, which also give the
 * score covariance of the sandwich meat. Missing cells are left out exactly: a pair of items
 * enters a row's missing information only when the row answered both.
 *
 * <p>Rows with no answered item carry no information; they are counted apart and add
 * nothing else.
 */
public final class EStepStatistics implements Serializable {
  private static final long serialVersionUID = 1L;

  private final int items;
  private final int nodes;
  private final Detail detail;

  private double respondents;
  private long rows;
  private double emptyRespondents;
  private double logLikelihood;
  private final double[] nodeMass;
  private final double[] missingMass;
  private final double[] correctMass;

  private double[] scoreSum;
  private double[] scoreOuter;
  private double[][] correctPairs;
  private double[][] crossMoments;
  private double[] sparseNodeMass;
  private double[] sparseMissingMass;
  private double[] pairMass;

  private transient Scratch scratch;

  /**
   * Creates empty statistics.
   *
   * @param items number of items J
   * @param nodes number of quadrature nodes K
   * @param detail what to accumulate
   */
  public EStepStatistics(int items, int nodes, Detail detail) {
    this.items = items;
    this.nodes = nodes;
    this.detail = detail;
    this.nodeMass = new double[nodes];
    this.missingMass = new double[items * nodes];
    this.correctMass = new double[items * nodes];
    if (detail == Detail.HESSIAN) {
      int parameters = 2 * items;
      scoreSum = new double[parameters];
      scoreOuter = new double[parameters * parameters];
      correctPairs = new double[3][items * items];
      crossMoments = new double[3][items * items];
      sparseNodeMass = new double[nodes];
      sparseMissingMass = new double[items * nodes];
    }
  }

  /** Scratch buffers of one executor thread; rebuilt after deserialisation. */
  private static final class Scratch {
    final NodeTable table;
    final PosteriorKernel kernel;
    final double[] weights;
    final double[][] expectations;
    final double[] moments = new double[3];
    final double[] score;

    Scratch(NodeTable table) {
      this.table = table;
      this.kernel = new PosteriorKernel(table);
      this.weights = new double[table.nodes];
      this.expectations = new double[3][table.items];
      this.score = new double[2 * table.items];
    }
  }

  /**
   * Adds one response row.
   *
   * @param table the 2PL at the current parameters, with this object's items and nodes
   * @param row cells coded 0, 1 or missing, one per item
   * @param frequency how many identical respondents the row stands for, positive
   * @return this, for use as a Spark sequence operation
   */
  public EStepStatistics add(NodeTable table, byte[] row, double frequency) {
    Scratch work = scratchFor(table);
    PosteriorKernel kernel = work.kernel;
    if (kernel.load(row) == 0) {
      emptyRespondents += frequency;
      return this;
    }

    // E-step: posterior over the nodes and the log marginal likelihood
    double logZ = kernel.posterior(work.weights);
    respondents += frequency;
    rows++;
    logLikelihood += frequency * logZ;
    if (detail == Detail.LIKELIHOOD) {
      return this;
    }

    // Expected counts
    addCounts(kernel, work.weights, frequency);
    if (detail == Detail.HESSIAN) {
      addLouisPieces(kernel, work, row, frequency);
    }
    return this;
  }

  private Scratch scratchFor(NodeTable table) {
    if (scratch == null || scratch.table != table) {
      if (table.items != items || table.nodes != nodes) {
        throw new IllegalArgumentException("statistics for " + items + " items and " + nodes
            + " nodes cannot take a table of " + table.items + " items and " + table.nodes
            + " nodes");
      }
      scratch = new Scratch(table);
    }
    return scratch;
  }

  private void addCounts(PosteriorKernel kernel, double[] weights, double frequency) {
    addScaled(nodeMass, 0, weights, frequency);
    for (int m = 0; m < kernel.missingCount(); m++) {
      addScaled(missingMass, kernel.missingItem(m) * nodes, weights, frequency);
    }
    for (int c = 0; c < kernel.correctCount(); c++) {
      addScaled(correctMass, kernel.correctItem(c) * nodes, weights, frequency);
    }
  }

  private static void addScaled(double[] target, int offset, double[] values, double scale) {
    for (int k = 0; k < values.length; k++) {
      target[offset + k] += scale * values[k];
    }
  }

  private void addLouisPieces(PosteriorKernel kernel, Scratch work, byte[] row, double c) {
    kernel.expectations(work.weights, work.expectations, work.moments);
    kernel.score(row, work.expectations, work.moments, work.score);
    addScoreMoments(work.score, c);

    // Pairs of correct answers and (answered, correct) pairs
    for (int p = 0; p < 3; p++) {
      double moment = c * work.moments[p];
      double[] pairs = correctPairs[p];
      double[] cross = crossMoments[p];
      double[] expectation = work.expectations[p];
      for (int x = 0; x < kernel.correctCount(); x++) {
        int j = kernel.correctItem(x);
        for (int y = x; y < kernel.correctCount(); y++) {
          pairs[j * items + kernel.correctItem(y)] += moment;
        }
      }
      for (int x = 0; x < kernel.answeredCount(); x++) {
        int j = kernel.answeredItem(x);
        double value = c * expectation[j];
        for (int y = 0; y < kernel.correctCount(); y++) {
          cross[j * items + kernel.correctItem(y)] += value;
        }
      }
    }
    addPairMass(kernel, work.weights, c);
  }

  private void addScoreMoments(double[] score, double c) {
    int size = score.length;
    for (int u = 0; u < size; u++) {
      double value = score[u];
      if (value == 0.0) {
        continue;
      }
      scoreSum[u] += c * value;
      double scaled = c * value;
      int offset = u * size;
      for (int v = u; v < size; v++) {
        scoreOuter[offset + v] += scaled * score[v];
      }
    }
  }

  // Node mass of respondents who answered both items of a pair. Rows missing few items add
  // to the complement (all rows, minus those missing j or l, plus those missing both);
  // rows missing most items add their answered pairs directly. Either way the cost per row
  // is the square of the smaller of the two item counts.
  private void addPairMass(PosteriorKernel kernel, double[] weights, double c) {
    int missing = kernel.missingCount();
    if (missing == 0) {
      addScaled(sparseNodeMass, 0, weights, c);
      return;
    }
    if (pairMass == null) {
      pairMass = new double[items * items * nodes];
    }
    if (missing <= kernel.answeredCount()) {
      addScaled(sparseNodeMass, 0, weights, c);
      for (int x = 0; x < missing; x++) {
        int j = kernel.missingItem(x);
        addScaled(sparseMissingMass, j * nodes, weights, c);
        for (int y = x + 1; y < missing; y++) {
          addScaled(pairMass, (j * items + kernel.missingItem(y)) * nodes, weights, c);
        }
      }
    } else {
      for (int x = 0; x < kernel.answeredCount(); x++) {
        int j = kernel.answeredItem(x);
        for (int y = x + 1; y < kernel.answeredCount(); y++) {
          addScaled(pairMass, (j * items + kernel.answeredItem(y)) * nodes, weights, c);
        }
      }
    }
  }

  /**
   * Adds another partition's statistics to these.
   *
   * @param other statistics of the same shape and detail
   * @return this, for use as a Spark combine operation
   */
  public EStepStatistics merge(EStepStatistics other) {
    if (other.items != items || other.nodes != nodes || other.detail != detail) {
      throw new IllegalArgumentException("cannot merge statistics of " + other.items
          + " items, " + other.nodes + " nodes, " + other.detail + " into " + items
          + " items, " + nodes + " nodes, " + detail);
    }
    respondents += other.respondents;
    rows += other.rows;
    emptyRespondents += other.emptyRespondents;
    logLikelihood += other.logLikelihood;
    addAll(nodeMass, other.nodeMass);
    addAll(missingMass, other.missingMass);
    addAll(correctMass, other.correctMass);
    if (detail == Detail.HESSIAN) {
      mergeLouisPieces(other);
    }
    return this;
  }

  private void mergeLouisPieces(EStepStatistics other) {
    addAll(scoreSum, other.scoreSum);
    addAll(scoreOuter, other.scoreOuter);
    for (int p = 0; p < 3; p++) {
      addAll(correctPairs[p], other.correctPairs[p]);
      addAll(crossMoments[p], other.crossMoments[p]);
    }
    addAll(sparseNodeMass, other.sparseNodeMass);
    addAll(sparseMissingMass, other.sparseMissingMass);
    if (other.pairMass != null) {
      if (pairMass == null) {
        pairMass = new double[other.pairMass.length];
      }
      addAll(pairMass, other.pairMass);
    }
  }

  private static void addAll(double[] target, double[] source) {
    for (int i = 0; i < target.length; i++) {
      target[i] += source[i];
    }
  }

  /** @return the number of items */
  public int itemCount() {
    return items;
  }

  /** @return the number of nodes */
  public int nodeCount() {
    return nodes;
  }

  /** @return what these statistics hold */
  public Detail detail() {
    return detail;
  }

  /** @return respondents with at least one answer: the sum of their frequencies */
  public double respondents() {
    return respondents;
  }

  /** @return rows added that had at least one answer (distinct patterns when compressed) */
  public long rows() {
    return rows;
  }

  /** @return respondents without any answer, left out of every other statistic */
  public double emptyRespondents() {
    return emptyRespondents;
  }

  /** @return {@code sum_i c_i log Z_i} */
  public double logLikelihood() {
    return logLikelihood;
  }

  /**
   * @return the mean negative marginal log-likelihood {@code -(1/n) sum_i c_i log Z_i}
   * @throws IllegalStateException if no respondent answered anything
   */
  public double meanNegativeLogLikelihood() {
    requireRespondents();
    return -logLikelihood / respondents;
  }

  private void requireRespondents() {
    if (!(respondents > 0)) {
      throw new IllegalStateException("no respondent with at least one answer");
    }
  }

  private void requireHessianDetail() {
    if (detail != Detail.HESSIAN) {
      throw new IllegalStateException("statistics hold " + detail + ", not HESSIAN");
    }
  }

  /**
   * @param item item index
   * @param node node index
   * @return {@code N_jk}, the expected number of respondents at the node who answered item j
   */
  public double expectedCount(int item, int node) {
    return nodeMass[node] - missingMass[item * nodes + node];
  }

  /**
   * @param item item index
   * @param node node index
   * @return {@code R_jk}, the expected number of correct answers to item j at the node
   */
  public double expectedCorrect(int item, int node) {
    return correctMass[item * nodes + node];
  }

  /**
   * Gradient of the mean negative marginal log-likelihood, from the expected counts:
   * {@code (1/n) sum_k (N_jk p_jk - R_jk) theta_k} for {@code a_j} and the same without
   * {@code theta_k} for {@code d_j}.
   *
   * @param table the 2PL at the parameters these statistics were taken at
   * @return {@code 2J} entries, all a then all d
   */
  public double[] gradient(NodeTable table) {
    requireRespondents();
    double[] gradient = new double[2 * items];
    for (int j = 0; j < items; j++) {
      double slope = 0;
      double intercept = 0;
      for (int k = 0; k < nodes; k++) {
        double residual = expectedCount(j, k) * table.probability[j * nodes + k]
            - expectedCorrect(j, k);
        slope += residual * table.theta[k];
        intercept += residual;
      }
      gradient[j] = slope / respondents;
      gradient[items + j] = intercept / respondents;
    }
    return gradient;
  }

  /**
   * The complete-data (EM) Hessian of the mean negative log-likelihood: block diagonal,
   * {@code (1/n) sum_k N_jk p_jk (1 - p_jk) [theta^2, theta; theta, 1]} per item.
   *
   * @param table the 2PL at the parameters these statistics were taken at
   * @return a {@code 2J x 2J} matrix, all a then all d
   */
  public double[][] completeDataHessian(NodeTable table) {
    requireRespondents();
    int size = 2 * items;
    double[][] hessian = new double[size][size];
    for (int j = 0; j < items; j++) {
      double[] moment = new double[3];
      for (int k = 0; k < nodes; k++) {
        double p = table.probability[j * nodes + k];
        double information = expectedCount(j, k) * p * (1 - p);
        for (int power = 0; power < 3; power++) {
          moment[power] += information * table.thetaPower[power][k];
        }
      }
      hessian[j][j] = moment[2] / respondents;
      hessian[j][items + j] = moment[1] / respondents;
      hessian[items + j][j] = moment[1] / respondents;
      hessian[items + j][items + j] = moment[0] / respondents;
    }
    return hessian;
  }

  /**
   * The complete-data Hessian as item blocks, for problems too large for a dense matrix.
   *
   * @param table the 2PL at the parameters these statistics were taken at
   * @return {@code [J][3]}: the (a, a), (a, d) and (d, d) entries of each item's block
   */
  public double[][] completeDataBlocks(NodeTable table) {
    requireRespondents();
    double[][] blocks = new double[items][3];
    for (int j = 0; j < items; j++) {
      for (int k = 0; k < nodes; k++) {
        double p = table.probability[j * nodes + k];
        double information = expectedCount(j, k) * p * (1 - p) / respondents;
        blocks[j][0] += information * table.thetaPower[2][k];
        blocks[j][1] += information * table.thetaPower[1][k];
        blocks[j][2] += information;
      }
    }
    return blocks;
  }

  /**
   * The exact Hessian of the mean negative marginal log-likelihood by Louis' identity:
   * complete-data Hessian minus the average posterior variance of the complete-data score.
   *
   * @param table the 2PL at the parameters these statistics were taken at
   * @return a {@code 2J x 2J} symmetric matrix, all a then all d
   */
  public double[][] hessian(NodeTable table) {
    requireHessianDetail();
    double[][] hessian = completeDataHessian(table);
    int size = 2 * items;
    double[] pairNodeMass = new double[nodes];
    for (int u = 0; u < size; u++) {
      for (int v = u; v < size; v++) {
        int j = u % items;
        int l = v % items;
        int power = (u < items ? 1 : 0) + (v < items ? 1 : 0);
        double secondMoment = posteriorSecondMoment(table, j, l, power, pairNodeMass);
        double missingInformation = secondMoment - scoreOuter[u * size + v];
        hessian[u][v] -= missingInformation / respondents;
        hessian[v][u] = hessian[u][v];
      }
    }
    return hessian;
  }

  // sum_i c_i E_w[(p_j - y_j)(p_l - y_l) theta^power] over rows answering both j and l.
  private double posteriorSecondMoment(NodeTable table, int j, int l, int power,
      double[] pairNodeMass) {
    int first = Math.min(j, l);
    int second = Math.max(j, l);
    bothAnsweredMass(first, second, pairNodeMass);
    double[] thetaPower = table.thetaPower[power];
    double expectedProducts = 0;
    for (int k = 0; k < nodes; k++) {
      expectedProducts += table.probability[j * nodes + k] * table.probability[l * nodes + k]
          * thetaPower[k] * pairNodeMass[k];
    }
    double[] cross = crossMoments[power];
    return expectedProducts - cross[j * items + l] - cross[l * items + j]
        + correctPairs[power][first * items + second];
  }

  private void bothAnsweredMass(int first, int second, double[] target) {
    for (int k = 0; k < nodes; k++) {
      if (first == second) {
        target[k] = expectedCount(first, k);
        continue;
      }
      double mass = sparseNodeMass[k] - sparseMissingMass[first * nodes + k]
          - sparseMissingMass[second * nodes + k];
      if (pairMass != null) {
        mass += pairMass[(first * items + second) * nodes + k];
      }
      target[k] = mass;
    }
  }

  /** @return {@code (1/n) sum_i c_i S_i}, the mean marginal score */
  public double[] scoreMean() {
    requireHessianDetail();
    requireRespondents();
    double[] mean = scoreSum.clone();
    for (int u = 0; u < mean.length; u++) {
      mean[u] /= respondents;
    }
    return mean;
  }

  /**
   * @return {@code sum_i c_i S_i S_i'}, the uncentred outer-product sum of the marginal
   *     scores, a {@code 2J x 2J} symmetric matrix
   */
  public double[][] scoreOuterProducts() {
    requireHessianDetail();
    int size = 2 * items;
    double[][] outer = new double[size][size];
    for (int u = 0; u < size; u++) {
      for (int v = u; v < size; v++) {
        outer[u][v] = scoreOuter[u * size + v];
        outer[v][u] = outer[u][v];
      }
    }
    return outer;
  }

  /**
   * The sample covariance of the per-respondent marginal scores, with denominator
   * {@code n - 1}, as in the sandwich meat.
   *
   * @return a {@code 2J x 2J} matrix; zero when fewer than two respondents
   */
  public double[][] scoreCovariance() {
    double[][] covariance = scoreOuterProducts();
    if (respondents <= 1) {
      return new double[covariance.length][covariance.length];
    }
    double[] mean = scoreMean();
    for (int u = 0; u < covariance.length; u++) {
      for (int v = 0; v < covariance.length; v++) {
        covariance[u][v] = (covariance[u][v] - respondents * mean[u] * mean[v])
            / (respondents - 1);
      }
    }
    return covariance;
  }
}
