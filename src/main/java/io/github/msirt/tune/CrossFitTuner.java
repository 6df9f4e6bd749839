package io.github.msirt.tune;

import io.github.msirt.estimate.MixedFit;
import io.github.msirt.estimate.MixedSubjectsData;
import io.github.msirt.estimate.MixedSubjectsEstimator;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cross-fitted ability-risk tuning. The human pairs (O and P rows) are split into K folds;
 * for each fold, lambda is tuned on the other folds' pairs with all of G, and with those
 * training rows as the target population. The final lambda is the mean of the fold
 * lambdas weighted by fold size, and the final fit uses every row at that lambda. Tuning
 * and evaluation thus never use the same human rows twice.
 */
public final class CrossFitTuner {
  private static final Logger LOG = LoggerFactory.getLogger(CrossFitTuner.class);

  private final MixedSubjectsEstimator estimator;

  /**
   * @param estimator fits each candidate
   */
  public CrossFitTuner(MixedSubjectsEstimator estimator) {
    this.estimator = estimator;
  }

  /** Tuning results per fold, the combined lambda and the final fit. */
  public record Result(List<AbilityRiskTuner.Result> folds, int[] foldLabels,
      double[] foldLambdas, double[] foldSizes, double lambda, MixedFit fit) {
  }

  /**
   * Random, balanced fold assignment.
   *
   * @param rows number of human rows
   * @param folds K, at least 2
   * @param seed random seed
   * @return a fold label 1..K per row
   */
  public static int[] randomFolds(int rows, int folds, long seed) {
    if (folds < 2 || folds > rows) {
      throw new IllegalArgumentException("folds must be between 2 and the number of human "
          + "rows (" + rows + "), found " + folds);
    }
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < rows; i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, new Random(seed));
    int[] labels = new int[rows];
    for (int position = 0; position < rows; position++) {
      labels[order.get(position)] = position % folds + 1;
    }
    return labels;
  }

  /**
   * @param data O, P and G
   * @param folds a fold label per human row
   * @param search how each fold chooses lambda
   * @return the per-fold results, the combined lambda and the final fit
   */
  public Result tune(MixedSubjectsData data, int[] folds, FoldSearch search) {
    if (folds.length != data.observed().rowCount()) {
      throw new IllegalArgumentException("fold assignment has " + folds.length
          + " entries but there are " + data.observed().rowCount() + " human rows");
    }
    int[] labels = new TreeSet<>(java.util.Arrays.stream(folds).boxed().toList()).stream()
        .mapToInt(Integer::intValue).toArray();
    if (labels.length < 2) {
      throw new IllegalArgumentException("cross-fitting needs at least two folds, found "
          + labels.length);
    }
    List<AbilityRiskTuner.Result> results = new ArrayList<>();
    double[] lambdas = new double[labels.length];
    double[] sizes = new double[labels.length];
    for (int f = 0; f < labels.length; f++) {
      MixedSubjectsData training = data.withHumanRows(rowsNotIn(folds, labels[f]));
      String name = labels[f] + "/" + labels.length;
      AbilityRiskTuner.Result result = search.tune(training, name);
      results.add(result);
      lambdas[f] = result.best().lambda();
      sizes[f] = data.observed().rowCount() - training.observed().rowCount();
      LOG.info("fold {}: lambda {} from {} training rows", name, lambdas[f],
          training.observed().rowCount());
    }

    // Fold-size weighted mean, then the final fit on every row
    double lambda = weightedMean(lambdas, sizes);
    MixedFit human = estimator.fitHumanOnly(data.observed());
    MixedFit fit = estimator.fit(data, lambda, human.parameters(),
        String.format("final fit lambda=%.4f", lambda));
    return new Result(results, labels, lambdas, sizes, lambda, fit);
  }

  /** How one fold tunes lambda on its training data. */
  @FunctionalInterface
  public interface FoldSearch {
    /**
     * @param training the training pairs and all of G
     * @param fold the fold's name, e.g. "1/2"
     * @return the fold's tuning result
     */
    AbilityRiskTuner.Result tune(MixedSubjectsData training, String fold);
  }

  private static int[] rowsNotIn(int[] folds, int label) {
    return java.util.stream.IntStream.range(0, folds.length).filter(i -> folds[i] != label)
        .toArray();
  }

  private static double weightedMean(double[] values, double[] weights) {
    double sum = 0;
    double total = 0;
    for (int i = 0; i < values.length; i++) {
      sum += values[i] * weights[i];
      total += weights[i];
    }
    return sum / total;
  }
}
