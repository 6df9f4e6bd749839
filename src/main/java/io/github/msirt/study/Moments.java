package io.github.msirt.study;

import java.util.Arrays;

/** Means, medians, standard deviations and correlations of study columns. */
final class Moments {
  private Moments() {
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return values.length == 0 ? Double.NaN : sum / values.length;
  }

  static double median(double[] values) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : 0.5 * (sorted[middle - 1] + sorted[middle]);
  }

  /** Sample standard deviation, denominator {@code m - 1}; NaN below two values. */
  static double standardDeviation(double[] values) {
    if (values.length < 2) {
      return Double.NaN;
    }
    double mean = mean(values);
    double squares = 0;
    for (double value : values) {
      squares += (value - mean) * (value - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }

  /** Pearson correlation; NaN when either column is constant. */
  static double correlation(double[] first, double[] second) {
    double meanFirst = mean(first);
    double meanSecond = mean(second);
    double cross = 0;
    double firstSquares = 0;
    double secondSquares = 0;
    for (int i = 0; i < first.length; i++) {
      cross += (first[i] - meanFirst) * (second[i] - meanSecond);
      firstSquares += (first[i] - meanFirst) * (first[i] - meanFirst);
      secondSquares += (second[i] - meanSecond) * (second[i] - meanSecond);
    }
    double scale = Math.sqrt(firstSquares * secondSquares);
    return scale > 0 ? cross / scale : Double.NaN;
  }

  /** Share of values at most {@code threshold}. */
  static double shareAtMost(double[] values, double threshold) {
    double count = 0;
    for (double value : values) {
      count += value <= threshold ? 1 : 0;
    }
    return values.length == 0 ? Double.NaN : count / values.length;
  }
}
