package io.github.msirt.ml;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamPair;
import org.apache.spark.ml.param.ParamValidators;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.param.StringArrayParam;
import scala.Function1;

/**
 * The params of {@link MixedSubjectsIrtParams} for one owner, with their documentation,
 * validators and defaults. The estimator and the model each hold one set, so both describe
 * their params in the same words.
 */
final class ParamDefinitions implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The tuner names accepted by the {@code tuner} param. */
  static final List<String> TUNERS = List.of("crossfit", "ability-risk", "ppi");

  /** The search names accepted by the {@code search} param. */
  static final List<String> SEARCHES = List.of("optimize", "grid");

  /** The layouts accepted by the {@code layout} param. */
  static final List<String> LAYOUTS = List.of("wide", "long");

  private static final double[] DEFAULT_GRID =
      {0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1};

  final DoubleParam lambda;
  final Param<String> tuner;
  final Param<String> search;
  final DoubleArrayParam lambdaGrid;
  final IntParam folds;
  final LongParam seed;
  final IntParam quadraturePoints;
  final DoubleParam thetaLower;
  final DoubleParam thetaUpper;
  final DoubleParam maxDiscrimination;
  final Param<String> idCol;
  final StringArrayParam itemCols;
  final Param<String> layout;
  final Param<String> itemCol;
  final Param<String> responseCol;
  final BooleanParam includeEap;

  /**
   * Creates the params of one owner; call {@link #defaults()} to set their defaults.
   *
   * @param owner the estimator or model the params belong to
   */
  ParamDefinitions(Params owner) {
    lambda = new DoubleParam(owner, "lambda", "weight of the generated-minus-predicted"
        + " correction, in [0, 1]; unset (the default) to choose it with the tuner",
        ParamValidators.inRange(0, 1));
    tuner = new Param<>(owner, "tuner", "rule that chooses lambda when it is unset: "
        + String.join(", ", TUNERS) + " (default crossfit)", ParamValidators.inArray(TUNERS));
    search = new Param<>(owner, "search", "how the ability-risk tuners search the lambda"
        + " range: optimize (default, Brent's 1-D search) or grid",
        ParamValidators.inArray(SEARCHES));
    lambdaGrid = new DoubleArrayParam(owner, "lambdaGrid", "candidate lambdas, each in"
        + " [0, 1] (default 0, 0.1, ..., 1); the 1-D search uses their range", gridValidator());
    folds = new IntParam(owner, "folds", "cross-fitting folds of the human rows, at least 2"
        + " (default 2)", ParamValidators.gtEq(2));
    seed = new LongParam(owner, "seed", "random seed of the cross-fitting folds (default 1)");
    quadraturePoints = new IntParam(owner, "quadraturePoints", "Gauss-Hermite nodes of the"
        + " ability integral and of EAP scores, 2 to 200 (default 31)",
        ParamValidators.inRange(2, 200));
    thetaLower = new DoubleParam(owner, "thetaLower", "lower ability bound of ML scores,"
        + " finite and below thetaUpper (default -6)", finite());
    thetaUpper = new DoubleParam(owner, "thetaUpper", "upper ability bound of ML scores,"
        + " finite and above thetaLower (default 6)", finite());
    maxDiscrimination = new DoubleParam(owner, "maxDiscrimination", "largest discrimination"
        + " of an eligible tuning candidate, positive (default 10)", ParamValidators.gt(0));
    idCol = new Param<>(owner, "idCol", "respondent id column, which pairs P with O"
        + " (default respondent_id)", nonBlank());
    itemCols = new StringArrayParam(owner, "itemCols", "item names: the item columns of the"
        + " wide layout, or the items kept from the long layout; unset (the default) for"
        + " every item of O", itemNamesValidator());
    layout = new Param<>(owner, "layout", "input layout: wide (default, an id column and one"
        + " column per item) or long (id, item and response columns)",
        ParamValidators.inArray(LAYOUTS));
    itemCol = new Param<>(owner, "itemCol", "long layout: the column naming the item"
        + " (default item)", nonBlank());
    responseCol = new Param<>(owner, "responseCol", "long layout: the column holding the"
        + " 0/1 response (default response)", nonBlank());
    includeEap = new BooleanParam(owner, "includeEap", "whether transform adds the EAP"
        + " score columns theta_eap and theta_eap_sd (default false)");
  }

  /** @return every param with a default, paired with it */
  List<ParamPair<?>> defaults() {
    return List.of(tuner.w("crossfit"), search.w("optimize"), lambdaGrid.w(DEFAULT_GRID),
        folds.w(2), seed.w(1L), quadraturePoints.w(31), thetaLower.w(-6.0),
        thetaUpper.w(6.0), maxDiscrimination.w(10.0), idCol.w("respondent_id"),
        layout.w("wide"), itemCol.w("item"), responseCol.w("response"),
        includeEap.w(false));
  }

  private static Function1<Object, Object> finite() {
    return ParamValidators.inRange(-Double.MAX_VALUE, Double.MAX_VALUE);
  }

  private static Function1<String, Object> nonBlank() {
    return (Function1<String, Object> & Serializable) name -> name != null && !name.isBlank();
  }

  private static Function1<double[], Object> gridValidator() {
    return (Function1<double[], Object> & Serializable) grid -> {
      if (grid == null || grid.length == 0) {
        return false;
      }
      for (double value : grid) {
        if (!(value >= 0 && value <= 1)) {
          return false;
        }
      }
      return true;
    };
  }

  private static Function1<String[], Object> itemNamesValidator() {
    return (Function1<String[], Object> & Serializable) names -> {
      if (names == null || names.length == 0) {
        return false;
      }
      Set<String> seen = new HashSet<>();
      for (String name : names) {
        if (name == null || name.isBlank() || !seen.add(name)) {
          return false;
        }
      }
      return true;
    };
  }
}
