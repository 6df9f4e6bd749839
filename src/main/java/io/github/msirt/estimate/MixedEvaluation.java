package io.github.msirt.estimate;

import io.github.msirt.model.ItemParameters;

/**
 * The mixed objective {@code L_O + lambda (L_G - L_P)} at one parameter vector, with the
 * E-step statistics of each response set that it was formed from. Each {@code L} is the
 * mean negative marginal log-likelihood of its rows with posteriors at these parameters.
 */
public final class MixedEvaluation implements TrustRegionNewton.Evaluation {
  private final NodeTable table;
  private final double lambda;
  private final EStepStatistics observed;
  private final EStepStatistics predicted;
  private final EStepStatistics generated;
  private final double value;
  private final double[] gradient;
  private double[][] hessian;

  MixedEvaluation(NodeTable table, double lambda, EStepStatistics observed,
      EStepStatistics predicted, EStepStatistics generated) {
    this.table = table;
    this.lambda = lambda;
    this.observed = observed;
    this.predicted = predicted;
    this.generated = generated;
    this.value = combineValue();
    this.gradient = Double.isFinite(value) ? combineGradient() : null;
  }

  private boolean usesPredictions() {
    return lambda > 0 && predicted != null;
  }

  private double combineValue() {
    double result = observed.meanNegativeLogLikelihood();
    if (usesPredictions()) {
      result += lambda * (generated.meanNegativeLogLikelihood()
          - predicted.meanNegativeLogLikelihood());
    }
    return result;
  }

  private double[] combineGradient() {
    double[] result = observed.gradient(table);
    if (usesPredictions()) {
      double[] fromGenerated = generated.gradient(table);
      double[] fromPredicted = predicted.gradient(table);
      for (int u = 0; u < result.length; u++) {
        result[u] += lambda * (fromGenerated[u] - fromPredicted[u]);
      }
    }
    return result;
  }

  @Override
  public double value() {
    return value;
  }

  @Override
  public double[] gradient() {
    return gradient.clone();
  }

  @Override
  public double[][] hessian() {
    if (hessian == null) {
      hessian = observed.hessian(table);
      if (usesPredictions()) {
        hessian = Matrices.plus(hessian, lambda,
            Matrices.plus(generated.hessian(table), -1.0, predicted.hessian(table)));
      }
    }
    return hessian;
  }

  /**
   * For fits with more items than the dense Louis Hessian allows, the complete-data
   * Hessian's item blocks serve as the optimiser's model Hessian.
   *
   * @return the blocks, or null when the exact dense Hessian is available
   */
  @Override
  public double[][] hessianBlocks() {
    if (observed.detail() == Detail.HESSIAN) {
      return null;
    }
    double[][] blocks = observed.completeDataBlocks(table);
    if (usesPredictions()) {
      double[][] fromGenerated = generated.completeDataBlocks(table);
      double[][] fromPredicted = predicted.completeDataBlocks(table);
      for (int j = 0; j < blocks.length; j++) {
        for (int e = 0; e < 3; e++) {
          blocks[j][e] += lambda * (fromGenerated[j][e] - fromPredicted[j][e]);
        }
      }
    }
    return blocks;
  }

  /** @return the complete-data (EM) Hessian of the mixed objective */
  public double[][] completeDataHessian() {
    double[][] result = observed.completeDataHessian(table);
    if (usesPredictions()) {
      result = Matrices.plus(result, lambda, Matrices.plus(generated.completeDataHessian(table),
          -1.0, predicted.completeDataHessian(table)));
    }
    return result;
  }

  /** @return the parameters evaluated at */
  public ItemParameters parameters() {
    return table.parameters();
  }

  /** @return the 2PL table at the parameters */
  public NodeTable table() {
    return table;
  }

  /** @return the weight of the generated-minus-predicted correction */
  public double lambda() {
    return lambda;
  }

  /** @return statistics of O */
  public EStepStatistics observed() {
    return observed;
  }

  /** @return statistics of P, or null when lambda is 0 or there are no predictions */
  public EStepStatistics predicted() {
    return predicted;
  }

  /** @return statistics of G, or null when lambda is 0 or there are no predictions */
  public EStepStatistics generated() {
    return generated;
  }
}
