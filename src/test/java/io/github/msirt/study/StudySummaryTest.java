package io.github.msirt.study;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StudySummaryTest {
  private static final StudyDesign DESIGN = StudyDesign.builder().itemCount(2)
      .regimes(List.of(Regime.SAME_MODEL)).build();

  // Two replications of a 2-item design; truth (a1, a2, d1, d2) = (0.8, 1.6, -1.1, 1.1).
  private static ReplicationResult row(int replication, double lambda, double[] estimates,
      double[] errors) {
    double[] truth = DESIGN.truth().toVector();
    return new ReplicationResult(replication, replication, Regime.SAME_MODEL, lambda, 0.0,
        -0.01, lambda, truth, truth, errors, estimates, errors, errors,
        new double[] {0.6, 0.5, 0.7}, new double[] {1.5, 1.4, 1.6},
        new boolean[] {true, true, true, false}, 1.0);
  }

  private static StudySummary summary() {
    double[] errors = {0.1, 0.1, 0.1, 0.1};
    // first replication: every estimate 0.1 above the truth (inside both intervals);
    // second: 0.18 above (inside 95%, outside 90%: 1.645 * 0.1 < 0.18 < 1.96 * 0.1)
    return new StudySummary(DESIGN, List.of(
        row(0, 0.0, new double[] {0.9, 1.7, -1.0, 1.2}, errors),
        row(1, 0.4, new double[] {0.98, 1.78, -0.92, 1.28}, errors)));
  }

  @Test
  void truthIsEvenlySpaced() {
    assertEquals(List.of(0.8, 1.6, -1.1, 1.1), Arrays.stream(DESIGN.truth()
        .toVector()).boxed().toList());
  }

  @Test
  void coverageCountsIntervalsThatHoldTheTruth() {
    List<String> fixed = summary().coverageTable().rows().get(1);

    assertEquals(List.of("same model", "lambda = 0.5", "Louis sandwich"), fixed.subList(0, 3));
    assertEquals("0.5000", fixed.get(3), "90%: one replication of two");
    assertEquals("1.0000", fixed.get(4), "95%: both");
  }

  @Test
  void biasAndLambdaSummariesMatchHandValues() {
    StudySummary summary = summary();

    List<String> bias = summary.biasSummaryTable().rows().get(1);
    assertEquals("0.1400", bias.get(2), "mean of 0.1 and 0.18");
    List<String> lambda = summary.lambdaTable().rows().get(0);
    assertEquals(List.of("2", "0.2000", "0.2000"), lambda.subList(2, 5));
    assertEquals("0.5000", lambda.get(6), "share at 0");
    List<String> runs = summary.runTable().rows().get(0);
    assertEquals("2", runs.get(5), "lambda = 1 failed to converge twice");
  }

  @Test
  void heldOutErrorsAreAveragedAndDifferenced() {
    List<String> eap = summary().heldOutTable().rows().get(0);

    assertEquals(List.of("0.6000", "0.5000", "0.7000", "-0.1000"), eap.subList(2, 6));
  }
}
