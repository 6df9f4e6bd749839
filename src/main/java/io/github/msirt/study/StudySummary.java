package io.github.msirt.study;

import io.github.msirt.model.ItemParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Turns the collected replication rows into the study's tables. Monte Carlo standard errors
 * are {@code sd / sqrt(R)} for means over R replications and
 * {@code sqrt(c (1 - c) / m)} for a coverage c pooled over m intervals; the pooled one
 * treats the 2J intervals of a replication as independent, so it is a lower bound when
 * they are correlated.
 */
public final class StudySummary {
  /** A lambda at most this is counted as lambda 0: the 1-D search's tolerance. */
  public static final double AT_ZERO = 1e-3;

  private static final double Z90 = 1.6448536269514722;
  private static final double Z95 = 1.959963984540054;

  private final StudyDesign design;
  private final List<ReplicationResult> results;
  private final List<String> parameterNames;

  /**
   * @param design the study design
   * @param results every collected row
   */
  public StudySummary(StudyDesign design, List<ReplicationResult> results) {
    this.design = design;
    this.results = List.copyOf(results);
    this.parameterNames = ItemParameters.parameterNames(design.truth().items());
  }

  /** @return every table, in the order of the written report */
  public List<StudyTable> tables() {
    return List.of(lambdaTable(), coverageTable(), biasSummaryTable(), biasTable(),
        heldOutTable(), crossFitTable(), runTable());
  }

  /** @return the rows of one regime */
  List<ReplicationResult> of(Regime regime) {
    return results.stream().filter(row -> row.regime() == regime).toList();
  }

  /** @return lambda chosen by each tuner: mean, median, sd and share at 0 */
  public StudyTable lambdaTable() {
    StudyTable table = new StudyTable("lambda", "Selected lambda by regime and tuner "
        + "(share at 0: lambda <= " + AT_ZERO + "; lambda_max = N/(n+N) = "
        + StudyTable.number(lambdaMax()) + ").",
        List.of("regime", "tuner", "replications", "mean", "median", "sd", "share_at_0"));
    for (Regime regime : design.regimes()) {
      List<ReplicationResult> rows = of(regime);
      addLambdaRow(table, regime, "ability risk (same data)", rows,
          ReplicationResult::abilityRiskLambda);
      addLambdaRow(table, regime, "ability risk (cross-fit)", rows,
          ReplicationResult::crossFitLambda);
      addLambdaRow(table, regime, "PPI++ rule", rows, ReplicationResult::ppiLambda);
    }
    return table;
  }

  private static void addLambdaRow(StudyTable table, Regime regime, String tuner,
      List<ReplicationResult> rows, ToDoubleFunction<ReplicationResult> lambda) {
    double[] values = rows.stream().mapToDouble(lambda).toArray();
    table.add(regime.label(), tuner, values.length, Moments.mean(values),
        Moments.median(values), Moments.standardDeviation(values),
        Moments.shareAtMost(values, AT_ZERO));
  }

  /** @return lambda_max = N / (n + N) of the design */
  public double lambdaMax() {
    return design.generated() / (double) (design.humans() + design.generated());
  }

  /** @return Wald interval coverage pooled over all item parameters */
  public StudyTable coverageTable() {
    String fixed = "lambda = " + design.fixedLambda();
    StudyTable table = new StudyTable("coverage", "Coverage of Wald intervals estimate "
        + "+/- z SE over all " + parameterNames.size() + " item parameters; mc_se is the "
        + "Monte Carlo standard error of the pooled 95% coverage; se_over_sd is the mean SE "
        + "over the empirical SD of the estimates, averaged over parameters.",
        List.of("regime", "fit", "covariance", "coverage_90", "coverage_95", "mc_se_95",
            "lowest_parameter_95", "highest_parameter_95", "se_over_sd"));
    for (Regime regime : design.regimes()) {
      List<ReplicationResult> rows = of(regime);
      addCoverageRow(table, regime, "lambda = 0", "Louis sandwich", rows,
          ReplicationResult::humanEstimates, ReplicationResult::humanStandardErrors);
      addCoverageRow(table, regime, fixed, "Louis sandwich", rows,
          ReplicationResult::fixedEstimates, ReplicationResult::fixedLouisErrors);
      addCoverageRow(table, regime, fixed, "complete-data bread", rows,
          ReplicationResult::fixedEstimates, ReplicationResult::fixedCompleteErrors);
    }
    return table;
  }

  private void addCoverageRow(StudyTable table, Regime regime, String fit, String covariance,
      List<ReplicationResult> rows, Function<ReplicationResult, double[]> estimates,
      Function<ReplicationResult, double[]> errors) {
    int size = parameterNames.size();
    double[] covered90 = new double[size];
    double[] covered95 = new double[size];
    double seOverSd = 0;
    for (int u = 0; u < size; u++) {
      double[] estimate = column(rows, estimates, u);
      double[] error = column(rows, errors, u);
      double truth = rows.isEmpty() ? Double.NaN : rows.get(0).truth()[u];
      for (int r = 0; r < rows.size(); r++) {
        double distance = Math.abs(estimate[r] - truth);
        covered90[u] += distance <= Z90 * error[r] ? 1.0 / rows.size() : 0;
        covered95[u] += distance <= Z95 * error[r] ? 1.0 / rows.size() : 0;
      }
      seOverSd += Moments.mean(error) / Moments.standardDeviation(estimate) / size;
    }
    double pooled95 = Moments.mean(covered95);
    double intervals = (double) size * rows.size();
    table.add(regime.label(), fit, covariance, Moments.mean(covered90), pooled95,
        Math.sqrt(pooled95 * (1 - pooled95) / intervals), min(covered95), max(covered95),
        seOverSd);
  }

  /** @return bias at the fixed lambda, one row per regime and parameter */
  public StudyTable biasTable() {
    StudyTable table = new StudyTable("bias-by-parameter", "Bias of every item parameter at "
        + "lambda = " + design.fixedLambda() + "; t = bias / mc_se.",
        List.of("regime", "parameter", "truth", "mean_estimate", "bias", "mc_se", "t",
            "empirical_sd", "mean_se_louis", "mean_se_complete_data"));
    for (Regime regime : design.regimes()) {
      List<ReplicationResult> rows = of(regime);
      for (int u = 0; u < parameterNames.size() && !rows.isEmpty(); u++) {
        double[] estimate = column(rows, ReplicationResult::fixedEstimates, u);
        double truth = rows.get(0).truth()[u];
        double bias = Moments.mean(estimate) - truth;
        double sd = Moments.standardDeviation(estimate);
        double mcse = sd / Math.sqrt(rows.size());
        table.add(regime.label(), parameterNames.get(u), truth, Moments.mean(estimate), bias,
            mcse, bias / mcse, sd,
            Moments.mean(column(rows, ReplicationResult::fixedLouisErrors, u)),
            Moments.mean(column(rows, ReplicationResult::fixedCompleteErrors, u)));
      }
    }
    return table;
  }

  /** @return bias summarised per regime, at lambda 0 and at the fixed lambda */
  public StudyTable biasSummaryTable() {
    StudyTable table = new StudyTable("bias", "Bias summarised over item parameters: mean "
        + "bias of the discriminations and of the intercepts, the largest |bias| and the "
        + "largest |bias| / mc_se.",
        List.of("regime", "fit", "mean_bias_a", "mean_bias_d", "max_abs_bias", "max_abs_t"));
    for (Regime regime : design.regimes()) {
      List<ReplicationResult> rows = of(regime);
      addBiasRow(table, regime, "lambda = 0", rows, ReplicationResult::humanEstimates);
      addBiasRow(table, regime, "lambda = " + design.fixedLambda(), rows,
          ReplicationResult::fixedEstimates);
    }
    return table;
  }

  private void addBiasRow(StudyTable table, Regime regime, String fit,
      List<ReplicationResult> rows, Function<ReplicationResult, double[]> estimates) {
    int items = design.itemCount();
    double[] bias = new double[2 * items];
    double largestT = 0;
    for (int u = 0; u < bias.length && !rows.isEmpty(); u++) {
      double[] estimate = column(rows, estimates, u);
      bias[u] = Moments.mean(estimate) - rows.get(0).truth()[u];
      double mcse = Moments.standardDeviation(estimate) / Math.sqrt(rows.size());
      largestT = Math.max(largestT, Math.abs(bias[u] / mcse));
    }
    double largest = 0;
    for (double value : bias) {
      largest = Math.max(largest, Math.abs(value));
    }
    table.add(regime.label(), fit, Moments.mean(Arrays.copyOfRange(bias, 0, items)),
        Moments.mean(Arrays.copyOfRange(bias, items, 2 * items)), largest, largestT);
  }

  /** @return held-out ability RMSE at lambda 0, the tuned lambda and lambda 1 */
  public StudyTable heldOutTable() {
    StudyTable table = new StudyTable("heldout-rmse", "Root mean squared error of "
        + design.heldOut() + " fresh respondents' ability scores against their true "
        + "abilities, averaged over replications; tuned = the same-data ability-risk lambda; "
        + "mc_se_difference is the Monte Carlo SE of the paired difference tuned - lambda 0.",
        List.of("regime", "score", "lambda_0", "tuned", "lambda_1", "tuned_minus_0",
            "mc_se_difference", "lambda_1_minus_0"));
    for (Regime regime : design.regimes()) {
      List<ReplicationResult> rows = of(regime);
      addErrorRow(table, regime, "EAP", rows, ReplicationResult::eapError);
      addErrorRow(table, regime, "bounded ML", rows, ReplicationResult::mlError);
    }
    return table;
  }

  private static void addErrorRow(StudyTable table, Regime regime, String score,
      List<ReplicationResult> rows, Function<ReplicationResult, double[]> errors) {
    double[] human = column(rows, errors, 0);
    double[] tuned = column(rows, errors, 1);
    double[] full = column(rows, errors, 2);
    double[] difference = new double[rows.size()];
    for (int r = 0; r < difference.length; r++) {
      difference[r] = tuned[r] - human[r];
    }
    table.add(regime.label(), score, Moments.mean(human), Moments.mean(tuned),
        Moments.mean(full), Moments.mean(difference),
        Moments.standardDeviation(difference) / Math.sqrt(difference.length),
        Moments.mean(full) - Moments.mean(human));
  }

  /** @return cross-fitted lambda against same-data tuning */
  public StudyTable crossFitTable() {
    StudyTable table = new StudyTable("crossfit", "Cross-fitted ability-risk lambda ("
        + design.folds() + " folds) against the same-data ability-risk lambda.",
        List.of("regime", "same_data_mean", "cross_fit_mean", "mean_difference",
            "sd_difference", "correlation", "share_both_at_0"));
    for (Regime regime : design.regimes()) {
      List<ReplicationResult> rows = of(regime);
      double[] same = rows.stream().mapToDouble(ReplicationResult::abilityRiskLambda).toArray();
      double[] cross = rows.stream().mapToDouble(ReplicationResult::crossFitLambda).toArray();
      double[] difference = new double[same.length];
      double bothZero = 0;
      for (int r = 0; r < same.length; r++) {
        difference[r] = cross[r] - same[r];
        bothZero += same[r] <= AT_ZERO && cross[r] <= AT_ZERO ? 1.0 / same.length : 0;
      }
      table.add(regime.label(), Moments.mean(same), Moments.mean(cross),
          Moments.mean(difference), Moments.standardDeviation(difference),
          Moments.correlation(same, cross), bothZero);
    }
    return table;
  }

  /** @return replications, non-converged fits and task time per regime */
  public StudyTable runTable() {
    StudyTable table = new StudyTable("runs", "Replications per regime, fits that did not "
        + "converge, and the mean time of one regime in its task.",
        List.of("regime", "replications", "not_converged_lambda_0", "not_converged_tuned",
            "not_converged_fixed", "not_converged_lambda_1", "mean_seconds"));
    for (Regime regime : design.regimes()) {
      List<ReplicationResult> rows = of(regime);
      int[] failures = new int[4];
      for (ReplicationResult row : rows) {
        for (int f = 0; f < failures.length; f++) {
          failures[f] += row.converged()[f] ? 0 : 1;
        }
      }
      table.add(regime.label(), rows.size(), failures[0], failures[1], failures[2],
          failures[3],
          Moments.mean(rows.stream().mapToDouble(ReplicationResult::seconds).toArray()));
    }
    return table;
  }

  private static double[] column(List<ReplicationResult> rows,
      Function<ReplicationResult, double[]> vector, int index) {
    double[] values = new double[rows.size()];
    for (int r = 0; r < values.length; r++) {
      values[r] = vector.apply(rows.get(r))[index];
    }
    return values;
  }

  private static double min(double[] values) {
    double smallest = Double.POSITIVE_INFINITY;
    for (double value : values) {
      smallest = Math.min(smallest, value);
    }
    return smallest;
  }

  private static double max(double[] values) {
    double largest = Double.NEGATIVE_INFINITY;
    for (double value : values) {
      largest = Math.max(largest, value);
    }
    return largest;
  }

  /** @return the collected rows */
  public List<ReplicationResult> results() {
    return results;
  }

  /** @return the design */
  public StudyDesign design() {
    return design;
  }

  /**
   * @param regime a regime
   * @param lambda which lambda of each row
   * @return that lambda in every replication of the regime
   */
  double[] lambdas(Regime regime, ToDoubleFunction<ReplicationResult> lambda) {
    List<Double> values = new ArrayList<>();
    of(regime).forEach(row -> values.add(lambda.applyAsDouble(row)));
    return values.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
