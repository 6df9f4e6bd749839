package io.github.msirt.ml;

import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.Quadrature;
import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamPair;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * A fitted mixed-subjects 2PL calibration: the item parameters with their covariance, how
 * lambda was chosen, and a transformer that scores respondents.
 *
 * <p>{@link #transform} adds to every row of a wide response DataFrame (one 0/1/null column
 * per item, found by name; other columns are kept):
 * <ul>
 *   <li>{@code theta}: the bounded maximum-likelihood ability in
 *   [{@code thetaLower}, {@code thetaUpper}], null for a row with no answers;
 *   <li>{@code se}: its standard error {@code 1 / sqrt(test information)}; +Infinity when
 *   theta is at a bound (all answers right or all wrong, for instance), since the
 *   likelihood still rises beyond it; null for a row with no answers;
 *   <li>{@code theta_status}: {@code interior}, {@code lower_bound}, {@code upper_bound} or
 *   {@code no_responses};
 *   <li>with {@code includeEap}: {@code theta_eap} and {@code theta_eap_sd}, the posterior
 *   mean and standard deviation of the ability under the N(0, 1) prior on a
 *   {@code quadraturePoints}-node Gauss-Hermite grid (the prior's for a row with no answers).
 * </ul>
 * Scoring is a Spark UDF over each row's item columns, so it runs on the executors for any
 * number of rows and nothing is collected. A cell other than 0, 1 or null fails the Spark job
 * with a message naming the item and the value.
 *
 * <pre>{@code
 * MixedSubjectsIrtModel model = new MixedSubjectsIrt().fit(observed, predicted, generated);
 * model.itemParameters().show();
 * Dataset<Row> scores = model.setIncludeEap(true).transform(respondents);
 * model.write().overwrite().save("calibration");
 * MixedSubjectsIrtModel again = MixedSubjectsIrtModel.load("calibration");
 * }</pre>
 */
public final class MixedSubjectsIrtModel extends Model<MixedSubjectsIrtModel>
    implements MixedSubjectsIrtParams, MLWritable {
  private static final long serialVersionUID = 1L;

  private final String uid;
  private final ParamDefinitions definitions;
  private final CalibrationResult result;

  /**
   * @param uid the model's id, usually its estimator's
   * @param result the calibration
   */
  MixedSubjectsIrtModel(String uid, CalibrationResult result) {
    this.uid = uid;
    this.result = result;
    this.definitions = new ParamDefinitions(this);
    definitions.defaults().forEach(this::applyDefault);
  }

  private <T> void applyDefault(ParamPair<T> pair) {
    setDefault(pair.param(), pair.value());
  }

  /**
   * Wraps a calibration made outside the estimator, for instance by
   * {@link io.github.msirt.tune.Calibrator}, so that it can score and be saved. Its params
   * take the calibration's settings: quadrature nodes, ability bounds, discrimination guard,
   * and lambda when it was fixed.
   *
   * @param result the calibration
   * @return the model, with a new id
   */
  public static MixedSubjectsIrtModel of(CalibrationResult result) {
    MixedSubjectsIrtModel model =
        new MixedSubjectsIrtModel(Identifiable.randomUID("mixedSubjectsIrt"), result);
    CalibrationSettings settings = result.settings();
    model.set(model.quadraturePoints(), settings.quadrature().size());
    model.set(model.thetaLower(), settings.thetaLower());
    model.set(model.thetaUpper(), settings.thetaUpper());
    model.set(model.maxDiscrimination(), settings.maxDiscrimination());
    model.set(model.itemCols(), result.items().toArray(new String[0]));
    if (ParamDefinitions.TUNERS.contains(result.tuner())) {
      model.set(model.tuner(), result.tuner());
    } else {
      model.set(model.lambda(), result.lambda());
    }
    return model;
  }

  @Override
  public String uid() {
    return uid;
  }

  /** @return everything the calibration produced, as plain Java values */
  public CalibrationResult result() {
    return result;
  }

  /** @return the fitted item parameters */
  public ItemParameters parameters() {
    return result.parameters();
  }

  /** @return the item names, in the order of the parameters and the covariance */
  public List<String> items() {
    return result.items();
  }

  /** @return the lambda of the final fit, fixed or tuned */
  public double fittedLambda() {
    return result.lambda();
  }

  /** @return the {@code 2J x 2J} covariance, all a then all d */
  public double[][] covariance() {
    return result.covariance();
  }

  /** @return n, N, lambda_max, passes and convergence of the final fit */
  public CalibrationResult.Diagnostics diagnostics() {
    return result.diagnostics();
  }

  /**
   * @return {@code item,a,d,b,se_a,se_d,se_b}, one row per item, as a DataFrame of the active
   *     session; the standard errors come from the sandwich covariance, that of
   *     {@code b = -d / a} by the delta method
   */
  public Dataset<Row> itemParameters() {
    return ResultFrames.itemParameters(SparkSession.active(), result);
  }

  /**
   * @return {@code fold,lambda,mean_param_var,selection_risk,converged,max_a,eligible}, one
   *     row per evaluated lambda, as a DataFrame of the active session; empty when lambda was
   *     fixed or chosen by the PPI++ rule
   */
  public Dataset<Row> lambdaTuning() {
    return ResultFrames.lambdaTuning(SparkSession.active(), result);
  }

  /**
   * Scores every row; see the class documentation for the added columns.
   *
   * @param dataset wide response rows with a column per item of the calibration
   * @return the rows with the score columns appended
   * @throws IllegalArgumentException if an item column is missing or of a non-numeric type,
   *     a score column already exists, or the ability bounds are out of order
   */
  @Override
  public Dataset<Row> transform(Dataset<?> dataset) {
    transformSchema(dataset.schema());
    boolean eap = getIncludeEap();
    Quadrature grid = eap ? Quadrature.gaussHermite(getQuadraturePoints()) : null;
    ScoreFunction function =
        new ScoreFunction(result.parameters(), getThetaLower(), getThetaUpper(), grid);
    return ScoreColumns.score(dataset.toDF(), items(), function, eap);
  }

  @Override
  public StructType transformSchema(StructType schema) {
    validateParams();
    return ScoreColumns.appendTo(schema, items(), getIncludeEap());
  }

  @Override
  public MixedSubjectsIrtModel copy(ParamMap extra) {
    MixedSubjectsIrtModel copy = copyValues(new MixedSubjectsIrtModel(uid, result), extra);
    return copy.setParent(parent());
  }

  /** @return a writer of the calibration folder; see {@link CalibrationStore} */
  @Override
  public MLWriter write() {
    return new MixedSubjectsIrtModelWriter(this);
  }

  /** @return a reader of calibration folders */
  public static MLReader<MixedSubjectsIrtModel> read() {
    return new MixedSubjectsIrtModelReader();
  }

  /**
   * Loads a saved calibration with the active session.
   *
   * @param path the folder written by {@link #write()} or {@link CalibrationStore}
   * @return the model
   * @throws IllegalArgumentException if the folder is not a calibration or was written in a
   *     newer format
   */
  public static MixedSubjectsIrtModel load(String path) {
    return read().load(path);
  }

  /**
   * @param value whether to add {@code theta_eap} and {@code theta_eap_sd}
   * @return this model
   */
  public MixedSubjectsIrtModel setIncludeEap(boolean value) {
    set(includeEap(), value);
    return this;
  }

  /**
   * @param value lower ability bound of the ML scores, finite
   * @return this model
   */
  public MixedSubjectsIrtModel setThetaLower(double value) {
    set(thetaLower(), value);
    return this;
  }

  /**
   * @param value upper ability bound of the ML scores, finite
   * @return this model
   */
  public MixedSubjectsIrtModel setThetaUpper(double value) {
    set(thetaUpper(), value);
    return this;
  }

  /**
   * @param value Gauss-Hermite nodes of the EAP scores, 2 to 200
   * @return this model
   */
  public MixedSubjectsIrtModel setQuadraturePoints(int value) {
    set(quadraturePoints(), value);
    return this;
  }

  @Override
  public DoubleParam lambda() {
    return definitions.lambda;
  }

  @Override
  public Param<String> tuner() {
    return definitions.tuner;
  }

  @Override
  public Param<String> search() {
    return definitions.search;
  }

  @Override
  public DoubleArrayParam lambdaGrid() {
    return definitions.lambdaGrid;
  }

  @Override
  public IntParam folds() {
    return definitions.folds;
  }

  @Override
  public LongParam seed() {
    return definitions.seed;
  }

  @Override
  public IntParam quadraturePoints() {
    return definitions.quadraturePoints;
  }

  @Override
  public DoubleParam thetaLower() {
    return definitions.thetaLower;
  }

  @Override
  public DoubleParam thetaUpper() {
    return definitions.thetaUpper;
  }

  @Override
  public DoubleParam maxDiscrimination() {
    return definitions.maxDiscrimination;
  }

  @Override
  public Param<String> idCol() {
    return definitions.idCol;
  }

  @Override
  public StringArrayParam itemCols() {
    return definitions.itemCols;
  }

  @Override
  public Param<String> layout() {
    return definitions.layout;
  }

  @Override
  public Param<String> itemCol() {
    return definitions.itemCol;
  }

  @Override
  public Param<String> responseCol() {
    return definitions.responseCol;
  }

  @Override
  public BooleanParam includeEap() {
    return definitions.includeEap;
  }

  @Override
  public String toString() {
    return "MixedSubjectsIrtModel: uid=" + uid + ", " + result;
  }
}
