package io.github.msirt.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.msirt.OracleCase;
import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.Covariance;
import io.github.msirt.estimate.MixedFit;
import io.github.msirt.estimate.MixedSubjectsData;
import io.github.msirt.estimate.MixedSubjectsEstimator;
import io.github.msirt.estimate.SandwichCovariance;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A whole fit with G on Spark equals the single-machine fit, for any partitioning. */
class SparkFitTest extends SparkTestBase {
  private static final CalibrationSettings SETTINGS = CalibrationSettings.defaults();
  private static final MixedSubjectsEstimator ESTIMATOR = new MixedSubjectsEstimator(SETTINGS);

  static List<String> cases() {
    return OracleCase.ALL;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void fitAndCovarianceEqualTheLocalCoreForAnyPartitioning(String name) {
    OracleCase oracle = OracleCase.load(name);
    MixedFit human = ESTIMATOR.fitHumanOnly(oracle.observed());
    MixedFit local = ESTIMATOR.fit(oracle.data(), 0.5, human.parameters(), "local");
    Covariance localCovariance = SandwichCovariance.louis(local, oracle.data(), SETTINGS);
    // Every partitioning for the case with missing cells; the pass-level
    // tests cover every case at every partitioning, so one setting suffices for the rest.
    boolean full = name.equals("case06");
    int[] partitionCounts = full ? new int[] {1, 2, 7, 64} : new int[] {7};
    Compression[] modes = full ? new Compression[] {Compression.ALWAYS, Compression.NEVER}
        : new Compression[] {Compression.ALWAYS};
    for (int partitions : partitionCounts) {
      for (Compression compression : modes) {
        try (SparkResponses generated = SparkResponses.builder(
            ResponseFrames.frame(spark, oracle.generated()), oracle.generated().items())
            .compression(compression).driverPatternLimit(0).partitions(partitions).build()) {
          MixedSubjectsData data =
              MixedSubjectsData.of(oracle.observed(), oracle.predicted(), generated);
          MixedFit distributed = ESTIMATOR.fit(data, 0.5, human.parameters(), "spark");
          Covariance covariance = SandwichCovariance.louis(distributed, data, SETTINGS);
          String what = name + " " + partitions + " partitions " + compression;
          assertRelative(local.parameters().toVector(),
              distributed.parameters().toVector(), what);
          double[][] expected = localCovariance.matrix();
          double[][] actual = covariance.matrix();
          for (int u = 0; u < expected.length; u++) {
            assertRelative(expected[u], actual[u], what + " covariance row " + u);
          }
        }
      }
    }
  }

  // Summation order differs between partitionings; 1e-9 relative leaves room for that
  // rounding propagated through a few Newton steps and a matrix inverse.
  private static void assertRelative(double[] expected, double[] actual, String what) {
    for (int u = 0; u < expected.length; u++) {
      double scale = Math.max(Math.abs(expected[u]), 1e-3);
      assertEquals(expected[u], actual[u], 1e-9 * scale, what + " entry " + u);
    }
  }
}
