package io.github.msirt.ml;

import io.github.msirt.estimate.AbilityScore;
import io.github.msirt.estimate.AbilityScorer;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.Quadrature;
import io.github.msirt.model.ResponseMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.Seq;

/**
 * Scores one response row on an executor: the bounded ML ability with its standard error
 * and where it lies, and optionally the EAP ability with its posterior standard deviation.
 * It is the body of the UDF that {@link MixedSubjectsIrtModel#transform} applies to the
 * array of a row's item codes (0, 1 or null, in the model's item order).
 */
final class ScoreFunction implements UDF1<Seq<Object>, Row> {
  private static final long serialVersionUID = 1L;

  private final AbilityScorer scorer;
  private final Quadrature posteriorGrid;
  private final int items;

  /**
   * @param parameters the item parameters
   * @param lower lower ability bound
   * @param upper upper ability bound
   * @param posteriorGrid the grid of EAP scores, or {@code null} for no EAP columns
   */
  ScoreFunction(ItemParameters parameters, double lower, double upper,
      Quadrature posteriorGrid) {
    this.scorer = new AbilityScorer(parameters, lower, upper);
    this.posteriorGrid = posteriorGrid;
    this.items = parameters.itemCount();
  }

  /**
   * @param eap whether the EAP fields are present
   * @return the struct the function returns: theta, se, theta_status[, theta_eap,
   *     theta_eap_sd]
   */
  static StructType resultType(boolean eap) {
    List<StructField> fields = new ArrayList<>();
    fields.add(DataTypes.createStructField(ScoreColumns.THETA, DataTypes.DoubleType, true));
    fields.add(DataTypes.createStructField(ScoreColumns.SE, DataTypes.DoubleType, true));
    fields.add(DataTypes.createStructField(ScoreColumns.STATUS, DataTypes.StringType, false));
    if (eap) {
      fields.add(DataTypes.createStructField(ScoreColumns.EAP, DataTypes.DoubleType, false));
      fields.add(DataTypes.createStructField(ScoreColumns.EAP_SD, DataTypes.DoubleType,
          false));
    }
    return DataTypes.createStructType(fields);
  }

  @Override
  public Row call(Seq<Object> codes) {
    byte[] row = new byte[items];
    for (int j = 0; j < items; j++) {
      Object code = codes.apply(j);
      row[j] = code == null ? ResponseMatrix.MISSING : (Byte) code;
    }

    // Bounded ML score; no answers give no score
    AbilityScore score = scorer.score(row);
    boolean answered = score.status() != AbilityScore.Status.NO_RESPONSES;
    Double theta = answered ? score.theta() : null;
    Double standardError = answered ? score.standardError() : null;
    String status = score.status().name().toLowerCase(Locale.ROOT);
    if (posteriorGrid == null) {
      return RowFactory.create(theta, standardError, status);
    }

    // EAP on the quadrature grid
    double[] posterior = scorer.expectedAPosteriori(row, posteriorGrid);
    return RowFactory.create(theta, standardError, status, posterior[0], posterior[1]);
  }
}
