package io.github.msirt.ml;

import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.MixedSubjectsData;
import io.github.msirt.model.ResponseMatrix;
import io.github.msirt.spark.SparkResponses;
import io.github.msirt.tune.CalibrationOutcome;
import io.github.msirt.tune.Calibrator;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleArrayParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.param.ParamPair;
import org.apache.spark.ml.param.StringArrayParam;
import org.apache.spark.ml.util.DefaultParamsReadable;
import org.apache.spark.ml.util.DefaultParamsWritable;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calibrates the 2PL items of a test from human responses O, an LLM's predictions P of the
 * same humans, and generated responses G, by minimising the PPI++ objective
 * <pre>
 *   L_O(gamma) + lambda (L_G(gamma) - L_P(gamma)),
 * </pre>
 * each {@code L} a mean negative marginal log-likelihood, with lambda fixed or chosen by a
 * tuner (see {@link MixedSubjectsIrtParams}). The method and its references are described
 * in {@link io.github.msirt.estimate.MixedSubjectsEstimator} and
 * {@link io.github.msirt.tune.Calibrator}.
 *
 * <p>Inputs are DataFrames of the caller's session, in the wide layout (an id column and one
 * 0/1/null column per item) or the long layout (id, item, response), with the id column
 * named by {@code idCol}. O and P, the small human sample, are collected to the driver,
 * and P is paired with O by id. G stays distributed: each pass of the optimiser is one Spark
 * aggregation over it, with identical rows merged where that pays. Items are matched by name
 * in any column order and put in O's order. The library neither stops nor reconfigures the
 * session; it caches G's packed rows during the fit and releases them afterwards.
 *
 * <pre>{@code
 * MixedSubjectsIrt calibration = new MixedSubjectsIrt()
 *     .setIdCol("respondent_id")
 *     .setTuner("crossfit");
 * MixedSubjectsIrtModel model = calibration.fit(observed, predicted, generated);
 * }</pre>
 *
 * <p>{@link #fit(Dataset)} takes O alone and fits the human-only model (lambda 0), which lets
 * the estimator stand in a {@link org.apache.spark.ml.Pipeline}.
 */
public final class MixedSubjectsIrt extends Estimator<MixedSubjectsIrtModel>
    implements MixedSubjectsIrtParams, DefaultParamsWritable {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggerFactory.getLogger(MixedSubjectsIrt.class);

  private final String uid;
  private final ParamDefinitions definitions;

  /** Creates the estimator with a random id and the default params. */
  public MixedSubjectsIrt() {
    this(Identifiable.randomUID("mixedSubjectsIrt"));
  }

  /**
   * @param uid the estimator's id
   */
  public MixedSubjectsIrt(String uid) {
    this.uid = uid;
    this.definitions = new ParamDefinitions(this);
    definitions.defaults().forEach(this::applyDefault);
  }

  private <T> void applyDefault(ParamPair<T> pair) {
    setDefault(pair.param(), pair.value());
  }

  @Override
  public String uid() {
    return uid;
  }

  /**
   * Fits the human-only 2PL (lambda 0) to O alone.
   *
   * @param observed human responses O
   * @return the model
   * @throws IllegalArgumentException if lambda is set above 0, or O is malformed (see
   *     {@link #fit(Dataset, Dataset, Dataset)})
   */
  @Override
  public MixedSubjectsIrtModel fit(Dataset<?> observed) {
    if (hasLambda() && getLambda() > 0) {
      throw new IllegalArgumentException("lambda " + getLambda() + " needs predicted and"
          + " generated responses; call fit(observed, predicted, generated), or clear lambda"
          + " for the human-only fit");
    }
    CalibrationSettings settings = calibrationSettings();
    ResponseMatrix observedMatrix =
        new InputFrames(this).collect(observed, "observed", null, false);

    // Human-only fit
    LOG.info("human-only fit: {} respondents, {} items, {} quadrature nodes",
        observedMatrix.rowCount(), observedMatrix.itemCount(), settings.quadrature().size());
    CalibrationOutcome outcome = new Calibrator(settings)
        .calibrate(MixedSubjectsData.humanOnly(observedMatrix), 0.0);
    return model(outcome, settings);
  }

  /**
   * Calibrates from O, P and G: at the fixed lambda when it is set, else at the lambda the
   * tuner chooses.
   *
   * @param observed human responses O, one row per respondent (wide) or answer (long)
   * @param predicted predictions P of the same respondents, paired with O by id
   * @param generated generated responses G, any number of rows; its id column is optional
   * @return the model
   * @throws IllegalArgumentException if an id column is missing, an O id has no P row or a P
   *     id no O row, ids repeat, O, P and G do not hold the same items, a long-layout
   *     (id, item) pair repeats, a cell is not 0, 1 or null, or the params are inconsistent
   */
  public MixedSubjectsIrtModel fit(Dataset<?> observed, Dataset<?> predicted,
      Dataset<?> generated) {
    CalibrationSettings settings = calibrationSettings();
    InputFrames inputs = new InputFrames(this);

    // O and P to the driver, P in O's order and with O's items
    ResponseMatrix observedMatrix = inputs.collect(observed, "observed", null, true);
    List<String> items = observedMatrix.items();
    ResponseMatrix predictedMatrix =
        inputs.pair(observedMatrix, inputs.collect(predicted, "predicted", items, true));

    // G checked and in the wide layout, still distributed
    InputFrames.Generated generatedWide = inputs.generated(generated, items);
    return fitWithGenerated(observedMatrix, predictedMatrix, generatedWide, settings);
  }

  private MixedSubjectsIrtModel fitWithGenerated(ResponseMatrix observed,
      ResponseMatrix predicted, InputFrames.Generated generated,
      CalibrationSettings settings) {
    List<String> items = observed.items();
    try (SparkResponses source = packGenerated(generated, items)) {
      LOG.info("mixed fit: {} human respondents, {} generated rows, {} items, lambda {};"
          + " params {}", observed.rowCount(), source.rowCount(), items.size(),
          hasLambda() ? getLambda() : "tuned by " + getTuner(), extractParamMap());
      MixedSubjectsData data = MixedSubjectsData.of(observed, predicted, source);
      Calibrator calibrator = new Calibrator(settings);
      CalibrationOutcome outcome = hasLambda() ? calibrator.calibrate(data, getLambda())
          : calibrator.tune(data, tuningOptions());
      return model(outcome, settings);
    }
  }

  /**
   * Packs and caches G for the passes. A pivoted G is cached while it is packed, so that the
   * pivot runs once, and released as soon as the packed rows are cached.
   */
  private static SparkResponses packGenerated(InputFrames.Generated generated,
      List<String> items) {
    if (!generated.pivoted()) {
      return SparkResponses.builder(generated.frame(), items).build();
    }
    Dataset<Row> rows = generated.frame().persist(StorageLevel.MEMORY_AND_DISK());
    try {
      return SparkResponses.builder(rows, items).build();
    } finally {
      rows.unpersist(false);
    }
  }

  private MixedSubjectsIrtModel model(CalibrationOutcome outcome,
      CalibrationSettings settings) {
    CalibrationResult result = CalibrationResult.of(outcome, settings);
    LOG.info("calibrated {} items with lambda {} ({}); n {}, N {}, converged {}",
        result.items().size(), result.lambda(), result.tuner(),
        result.diagnostics().observedRespondents(),
        result.diagnostics().generatedRespondents(), result.diagnostics().converged());
    MixedSubjectsIrtModel model = new MixedSubjectsIrtModel(uid, result);
    return copyValues(model, ParamMap.empty()).setParent(this);
  }

  /**
   * Checks the params and the columns of O that they name, and returns the schema that the
   * fitted model's {@code transform} gives wide rows of this schema.
   *
   * @param schema the schema of O
   * @return the schema with the score columns appended
   */
  @Override
  public StructType transformSchema(StructType schema) {
    validateParams();
    List<String> columns = Arrays.asList(schema.fieldNames());
    if ("long".equals(getLayout())) {
      for (String name : List.of(getIdCol(), getItemCol(), getResponseCol())) {
        if (!columns.contains(name)) {
          throw new IllegalArgumentException("the long layout needs a column " + name
              + "; the columns are " + columns);
        }
      }
      return schema;
    }
    List<String> items = getItemCols();
    if (items == null) {
      items = columns.stream().filter(name -> !name.equals(getIdCol())).toList();
    }
    return ScoreColumns.appendTo(schema, items, getIncludeEap());
  }

  @Override
  public MixedSubjectsIrt copy(ParamMap extra) {
    return defaultCopy(extra);
  }

  /** @return a reader of estimators saved with {@code write().save(path)} */
  public static MLReader<MixedSubjectsIrt> read() {
    return new DefaultParamsReadable<MixedSubjectsIrt>() { }.read();
  }

  /**
   * @param path a folder written by {@code write().save(path)}
   * @return the estimator with its params
   */
  public static MixedSubjectsIrt load(String path) {
    return read().load(path);
  }

  /**
   * @param value lambda in [0, 1]; fixes lambda instead of tuning it
   * @return this estimator
   */
  public MixedSubjectsIrt setLambda(double value) {
    set(lambda(), value);
    return this;
  }

  /** @return this estimator, with lambda unset so that the tuner chooses it */
  public MixedSubjectsIrt clearLambda() {
    clear(lambda());
    return this;
  }

  /**
   * @param value {@code crossfit}, {@code ability-risk} or {@code ppi}
   * @return this estimator
   */
  public MixedSubjectsIrt setTuner(String value) {
    set(tuner(), value);
    return this;
  }

  /**
   * @param value {@code optimize} or {@code grid}
   * @return this estimator
   */
  public MixedSubjectsIrt setSearch(String value) {
    set(search(), value);
    return this;
  }

  /**
   * @param values candidate lambdas, each in [0, 1]
   * @return this estimator
   */
  public MixedSubjectsIrt setLambdaGrid(double... values) {
    set(lambdaGrid(), values.clone());
    return this;
  }

  /**
   * @param values candidate lambdas, each in [0, 1] (a list, as Python passes it)
   * @return this estimator
   */
  public MixedSubjectsIrt setLambdaGrid(List<? extends Number> values) {
    return setLambdaGrid(values.stream().mapToDouble(Number::doubleValue).toArray());
  }

  /**
   * @param value cross-fitting folds, at least 2
   * @return this estimator
   */
  public MixedSubjectsIrt setFolds(int value) {
    set(folds(), value);
    return this;
  }

  /**
   * @param value seed of the fold assignment
   * @return this estimator
   */
  public MixedSubjectsIrt setSeed(long value) {
    set(seed(), value);
    return this;
  }

  /**
   * @param value Gauss-Hermite nodes, 2 to 200
   * @return this estimator
   */
  public MixedSubjectsIrt setQuadraturePoints(int value) {
    set(quadraturePoints(), value);
    return this;
  }

  /**
   * @param value lower ability bound, finite
   * @return this estimator
   */
  public MixedSubjectsIrt setThetaLower(double value) {
    set(thetaLower(), value);
    return this;
  }

  /**
   * @param value upper ability bound, finite
   * @return this estimator
   */
  public MixedSubjectsIrt setThetaUpper(double value) {
    set(thetaUpper(), value);
    return this;
  }

  /**
   * @param value largest discrimination of an eligible tuning candidate, positive
   * @return this estimator
   */
  public MixedSubjectsIrt setMaxDiscrimination(double value) {
    set(maxDiscrimination(), value);
    return this;
  }

  /**
   * @param value the respondent id column
   * @return this estimator
   */
  public MixedSubjectsIrt setIdCol(String value) {
    set(idCol(), value);
    return this;
  }

  /**
   * @param values item names, distinct and non-blank
   * @return this estimator
   */
  public MixedSubjectsIrt setItemCols(String... values) {
    set(itemCols(), values.clone());
    return this;
  }

  /**
   * @param values item names, distinct and non-blank (a list, as Python passes it)
   * @return this estimator
   */
  public MixedSubjectsIrt setItemCols(List<String> values) {
    return setItemCols(values.toArray(new String[0]));
  }

  /**
   * @param value {@code wide} or {@code long}
   * @return this estimator
   */
  public MixedSubjectsIrt setLayout(String value) {
    set(layout(), value);
    return this;
  }

  /**
   * @param value the long layout's item column
   * @return this estimator
   */
  public MixedSubjectsIrt setItemCol(String value) {
    set(itemCol(), value);
    return this;
  }

  /**
   * @param value the long layout's response column
   * @return this estimator
   */
  public MixedSubjectsIrt setResponseCol(String value) {
    set(responseCol(), value);
    return this;
  }

  /**
   * @param value whether the model's transform adds EAP scores
   * @return this estimator
   */
  public MixedSubjectsIrt setIncludeEap(boolean value) {
    set(includeEap(), value);
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
}
