package io.github.msirt.ml;

import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.tune.TuningOptions;
import java.util.List;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;

/**
 * Params shared by {@link MixedSubjectsIrt} and {@link MixedSubjectsIrtModel}: how lambda is
 * chosen, the numerical settings of the fit and of the ability scores, and where the
 * responses are in the input DataFrames.
 *
 * <p>Every param is validated when it is set; {@link #validateParams()} adds the checks
 * that involve two params. Getters return the value set, else the default.
 */
public interface MixedSubjectsIrtParams extends Params {

  /**
   * Weight of the correction {@code L_G - L_P} in {@code L_O + lambda (L_G - L_P)}.
   * Range [0, 1]; no default: while it is unset, fitting chooses lambda with the
   * {@link #tuner()}. A human-only fit uses 0.
   *
   * @return the param
   */
  DoubleParam lambda();

  /**
   * The rule that chooses lambda when {@link #lambda()} is unset: {@code crossfit}
   * (ability risk, cross-fitted over folds of the human rows), {@code ability-risk} (ability
   * risk on all human rows) or {@code ppi} (the closed-form PPI++ trace rule). Default
   * {@code crossfit}.
   *
   * @return the param
   */
  Param<String> tuner();

  /**
   * How the ability-risk tuners search: {@code optimize} (Brent's 1-D search over the range
   * of {@link #lambdaGrid()}, both ends evaluated) or {@code grid} (every grid value).
   * Default {@code optimize}.
   *
   * @return the param
   */
  Param<String> search();

  /**
   * Candidate lambdas of the grid search, each in [0, 1], at least one; the 1-D search
   * uses their smallest and largest. Default {@code 0, 0.1, ..., 1}.
   *
   * @return the param
   */
  DoubleArrayParam lambdaGrid();

  /**
   * Number of cross-fitting folds of the human rows, at least 2 and at most the number of
   * human rows. Default 2.
   *
   * @return the param
   */
  IntParam folds();

  /**
   * Random seed of the cross-fitting fold assignment, which follows the row order of O.
   * Default 1.
   *
   * @return the param
   */
  LongParam seed();

  /**
   * Gauss-Hermite nodes of the ability integral in the fit and of EAP scores, 2 to 200.
   * Default 31.
   *
   * @return the param
   */
  IntParam quadraturePoints();

  /**
   * Lower ability bound of the ML scores, finite and below {@link #thetaUpper()}. Default
   * -6.
   *
   * @return the param
   */
  DoubleParam thetaLower();

  /**
   * Upper ability bound of the ML scores, finite and above {@link #thetaLower()}. Default 6.
   *
   * @return the param
   */
  DoubleParam thetaUpper();

  /**
   * Largest discrimination a tuning candidate may have and still be chosen; runaway slopes
   * shrink the covariance and fake a low ability risk. Positive; default 10.
   *
   * @return the param
   */
  DoubleParam maxDiscrimination();

  /**
   * The respondent id column of O, P (and G, where it is ignored). P is paired with O by
   * this id, whatever the row order. Default {@code respondent_id}.
   *
   * @return the param
   */
  Param<String> idCol();

  /**
   * The item names, distinct and non-blank. In the wide layout they are the item columns;
   * in the long layout, the items kept. Unset (the default): every column of O but the id
   * column in the wide layout, every item O names (sorted by name) in the long layout.
   *
   * @return the param
   */
  StringArrayParam itemCols();

  /**
   * Input layout of O, P and G: {@code wide} (an id column and one 0/1/null column per
   * item) or {@code long} (one row per answer, with {@link #idCol()}, {@link #itemCol()}
   * and {@link #responseCol()}). Default {@code wide}. Scoring always takes wide rows.
   *
   * @return the param
   */
  Param<String> layout();

  /**
   * Long layout: the column that names the item of each answer. Default {@code item}.
   *
   * @return the param
   */
  Param<String> itemCol();

  /**
   * Long layout: the column that holds the 0/1 response. Default {@code response}.
   *
   * @return the param
   */
  Param<String> responseCol();

  /**
   * Whether {@code transform} adds the expected a posteriori score {@code theta_eap} and
   * the posterior standard deviation {@code theta_eap_sd}. Default false.
   *
   * @return the param
   */
  BooleanParam includeEap();

  /** @return whether lambda is fixed rather than tuned */
  default boolean hasLambda() {
    return isDefined(lambda());
  }

  /**
   * @return the fixed lambda
   * @throws java.util.NoSuchElementException if lambda is unset (tuned)
   */
  default double getLambda() {
    return (Double) getOrDefault(lambda());
  }

  /** @return the tuner name */
  default String getTuner() {
    return getOrDefault(tuner());
  }

  /** @return the search name */
  default String getSearch() {
    return getOrDefault(search());
  }

  /** @return the candidate lambdas */
  default double[] getLambdaGrid() {
    return getOrDefault(lambdaGrid()).clone();
  }

  /** @return the number of folds */
  default int getFolds() {
    return (Integer) getOrDefault(folds());
  }

  /** @return the fold seed */
  default long getSeed() {
    return (Long) getOrDefault(seed());
  }

  /** @return the number of quadrature nodes */
  default int getQuadraturePoints() {
    return (Integer) getOrDefault(quadraturePoints());
  }

  /** @return the lower ability bound */
  default double getThetaLower() {
    return (Double) getOrDefault(thetaLower());
  }

  /** @return the upper ability bound */
  default double getThetaUpper() {
    return (Double) getOrDefault(thetaUpper());
  }

  /** @return the discrimination guard of tuning */
  default double getMaxDiscrimination() {
    return (Double) getOrDefault(maxDiscrimination());
  }

  /** @return the id column */
  default String getIdCol() {
    return getOrDefault(idCol());
  }

  /** @return the item names set, or {@code null} when they are taken from O */
  default List<String> getItemCols() {
    return isDefined(itemCols()) ? List.of(getOrDefault(itemCols())) : null;
  }

  /** @return {@code wide} or {@code long} */
  default String getLayout() {
    return getOrDefault(layout());
  }

  /** @return the long layout's item column */
  default String getItemCol() {
    return getOrDefault(itemCol());
  }

  /** @return the long layout's response column */
  default String getResponseCol() {
    return getOrDefault(responseCol());
  }

  /** @return whether EAP scores are added */
  default boolean getIncludeEap() {
    return (Boolean) getOrDefault(includeEap());
  }

  /**
   * Checks the rules that involve two params.
   *
   * @throws IllegalArgumentException if {@code thetaLower >= thetaUpper}
   */
  default void validateParams() {
    if (!(getThetaLower() < getThetaUpper())) {
      throw new IllegalArgumentException("thetaLower " + getThetaLower()
          + " must be below thetaUpper " + getThetaUpper() + "; set the bounds in order");
    }
  }

  /**
   * @return the numerical settings these params describe: quadrature nodes, ability bounds
   *     and the discrimination guard, with the library defaults for the rest
   * @throws IllegalArgumentException if the params are inconsistent
   */
  default CalibrationSettings calibrationSettings() {
    validateParams();
    return CalibrationSettings.builder()
        .quadraturePoints(getQuadraturePoints())
        .thetaBounds(getThetaLower(), getThetaUpper())
        .maxDiscrimination(getMaxDiscrimination())
        .build();
  }

  /** @return how lambda is tuned when it is unset: tuner, search, grid, folds and seed */
  default TuningOptions tuningOptions() {
    TuningOptions.Tuner rule = switch (getTuner()) {
      case "ability-risk" -> TuningOptions.Tuner.ABILITY_RISK;
      case "ppi" -> TuningOptions.Tuner.PPI;
      default -> TuningOptions.Tuner.CROSSFIT;
    };
    TuningOptions.Search how = "grid".equals(getSearch()) ? TuningOptions.Search.GRID
        : TuningOptions.Search.OPTIMIZE;
    return new TuningOptions(rule, how, getLambdaGrid(), getFolds(), null, getSeed(), null);
  }
}
