package io.github.msirt.ml;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.msirt.OracleCase;
import io.github.msirt.spark.SparkTestBase;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad inputs and params stop the fit with a message that says what and where. */
class InputChecksTest extends SparkTestBase {
  private static OracleCase oracle;
  private static Dataset<Row> observed;
  private static Dataset<Row> predicted;
  private static Dataset<Row> generated;

  @BeforeAll
  static void frames() {
    oracle = OracleCase.load("case07");
    observed = TestFrames.wide(spark, oracle.observed());
    predicted = TestFrames.reversed(spark, oracle.predicted());
    generated = TestFrames.wide(spark, oracle.generated());
  }

  private static void assertRefused(Executable fit, String... fragments) {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, fit);
    for (String fragment : fragments) {
      assertTrue(error.getMessage().contains(fragment), error.getMessage());
    }
  }

  @Test
  void unpairedIdsAreCountedAndListed() {
    Column renamed = when(col(TestFrames.ID).isin("1", "2", "3"),
        concat(lit("x"), col(TestFrames.ID))).otherwise(col(TestFrames.ID));
    Dataset<Row> shifted = predicted.withColumn(TestFrames.ID, renamed);
    assertRefused(() -> new MixedSubjectsIrt().fit(observed, shifted, generated),
        "predicted does not pair with observed by respondent_id",
        "3 observed id(s) have no predicted row: 1, 2, 3",
        "3 predicted id(s) match no observed row: x1, x2, x3");
  }

  @Test
  void missingAndExtraItemsAreNamed() {
    assertRefused(() -> new MixedSubjectsIrt().fit(observed, predicted,
        generated.drop("item03")), "generated does not hold the items of observed",
        "missing item03");
    assertRefused(() -> new MixedSubjectsIrt().fit(observed,
        predicted.withColumn("item99", lit(1)), generated), "predicted", "extra item99");
    assertRefused(() -> new MixedSubjectsIrt().setItemCols("item01", "item09")
        .fit(observed, predicted, generated), "observed", "missing item09");
  }

  @Test
  void repeatedOrMissingIdsAreRefused() {
    assertRefused(() -> new MixedSubjectsIrt().fit(observed.union(observed.limit(2)),
        predicted, generated), "observed has 2 repeated respondent id(s)");
    assertRefused(() -> new MixedSubjectsIrt().fit(observed,
        predicted.drop(TestFrames.ID), generated), "predicted has no id column respondent_id");
    assertRefused(() -> new MixedSubjectsIrt().setIdCol("person").fit(observed, predicted,
        generated), "observed has no id column person");
  }

  @Test
  void cellsThatAreNotResponsesAreLocated() {
    Dataset<Row> two = observed.withColumn("item02",
        when(col(TestFrames.ID).equalTo("5"), lit(2)).otherwise(col("item02")));
    assertRefused(() -> new MixedSubjectsIrt().fit(two, predicted, generated),
        "observed, respondent 5, item item02: value 2 is not a 0/1 response");
    Dataset<Row> text = observed.withColumn("item01", col("item01").cast(DataTypes.StringType));
    assertRefused(() -> new MixedSubjectsIrt().fit(text, predicted, generated),
        "item01 (string)", "cast them to int");
  }

  @Test
  void repeatedAnswersInTheLongLayoutAreListed() {
    Dataset<Row> longObserved = TestFrames.longLayout(spark, oracle.observed());
    Dataset<Row> longPredicted = TestFrames.longLayout(spark, oracle.predicted());
    Dataset<Row> longGenerated = TestFrames.longLayout(spark, oracle.generated());
    MixedSubjectsIrt estimator = new MixedSubjectsIrt().setLayout("long").setLambda(0.5);
    assertRefused(() -> estimator.fit(longObserved.union(longObserved.limit(1)),
        longPredicted, longGenerated), "observed answers the same item more than once",
        "(1, item01)");
    assertRefused(() -> estimator.fit(longObserved, longPredicted,
        longGenerated.union(longGenerated.limit(1))),
        "generated answers the same item more than once", "(1, item01) 2 times");
  }

  @Test
  void paramsAreCheckedWhenSetAndTogetherWhenFitting() {
    MixedSubjectsIrt estimator = new MixedSubjectsIrt();
    assertRefused(() -> estimator.setLambda(1.5), "lambda", "1.5");
    assertRefused(() -> estimator.setTuner("bayes"), "tuner", "bayes");
    assertRefused(() -> estimator.setSearch("random"), "search");
    assertRefused(() -> estimator.setFolds(1), "folds");
    assertRefused(() -> estimator.setQuadraturePoints(300), "quadraturePoints");
    assertRefused(() -> estimator.setLayout("tall"), "layout");
    assertRefused(() -> estimator.setLambdaGrid(0, 2), "lambdaGrid");
    assertRefused(() -> estimator.setThetaLower(Double.NaN), "thetaLower");
    assertRefused(() -> new MixedSubjectsIrt().setThetaLower(2).setThetaUpper(1)
        .fit(observed, predicted, generated), "thetaLower 2.0 must be below thetaUpper 1.0");
    assertRefused(() -> new MixedSubjectsIrt().setLambda(0.4).fit(observed),
        "lambda 0.4 needs predicted and generated responses");
  }
}
