package io.github.msirt.ml;

import io.github.msirt.model.ItemParameters;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The tables of a calibration result as small DataFrames: item parameters, the tuning
 * candidates and the covariance. The model shows them and the store saves them as Parquet.
 */
final class ResultFrames {
  /** {@code item,a,d,b,se_a,se_d,se_b}. */
  static final StructType ITEM_PARAMETERS = new StructType()
      .add("item", DataTypes.StringType, false)
      .add("a", DataTypes.DoubleType, false)
      .add("d", DataTypes.DoubleType, false)
      .add("b", DataTypes.DoubleType, false)
      .add("se_a", DataTypes.DoubleType, false)
      .add("se_d", DataTypes.DoubleType, false)
      .add("se_b", DataTypes.DoubleType, false);

  /** {@code fold,lambda,mean_param_var,selection_risk,converged,max_a,eligible}. */
  static final StructType LAMBDA_TUNING = new StructType()
      .add("fold", DataTypes.StringType, false)
      .add("lambda", DataTypes.DoubleType, false)
      .add("mean_param_var", DataTypes.DoubleType, false)
      .add("selection_risk", DataTypes.DoubleType, false)
      .add("converged", DataTypes.BooleanType, false)
      .add("max_a", DataTypes.DoubleType, false)
      .add("eligible", DataTypes.BooleanType, false);

  /** {@code parameter,values}: one row per covariance row, named a_item or d_item. */
  static final StructType COVARIANCE = new StructType()
      .add("parameter", DataTypes.StringType, false)
      .add("values", DataTypes.createArrayType(DataTypes.DoubleType, false), false);

  private ResultFrames() {
  }

  /**
   * @param spark the session that holds the frame
   * @param result the calibration
   * @return one row per item, in the calibration's item order
   */
  static Dataset<Row> itemParameters(SparkSession spark, CalibrationResult result) {
    ItemParameters parameters = result.parameters();
    double[] errors = result.standardErrors();
    int count = parameters.itemCount();
    List<Row> rows = new ArrayList<>();
    for (int j = 0; j < count; j++) {
      rows.add(RowFactory.create(parameters.items().get(j), parameters.discrimination(j),
          parameters.intercept(j), parameters.difficulty(j), errors[j], errors[count + j],
          result.difficultyStandardError(j)));
    }
    return spark.createDataFrame(rows, ITEM_PARAMETERS);
  }

  /**
   * @param spark the session that holds the frame
   * @param result the calibration
   * @return one row per evaluated lambda, fold by fold; empty when lambda was not tuned by
   *     the ability risk
   */
  static Dataset<Row> lambdaTuning(SparkSession spark, CalibrationResult result) {
    List<Row> rows = new ArrayList<>();
    for (CalibrationResult.TuningCandidate candidate : result.tuning()) {
      rows.add(RowFactory.create(candidate.fold(), candidate.lambda(), candidate.meanParamVar(),
          candidate.selectionRisk(), candidate.converged(), candidate.maxA(),
          candidate.eligible()));
    }
    return spark.createDataFrame(rows, LAMBDA_TUNING);
  }

  /**
   * @param spark the session that holds the frame
   * @param result the calibration
   * @return one row per parameter, {@code a_<item>} then {@code d_<item>}, with its
   *     covariance row in the same order
   */
  static Dataset<Row> covariance(SparkSession spark, CalibrationResult result) {
    double[][] matrix = result.covariance();
    List<String> names = result.parameterNames();
    List<Row> rows = new ArrayList<>();
    for (int u = 0; u < matrix.length; u++) {
      List<Double> values = new ArrayList<>();
      for (double value : matrix[u]) {
        values.add(value);
      }
      rows.add(RowFactory.create(names.get(u), values));
    }
    return spark.createDataFrame(rows, COVARIANCE);
  }
}
