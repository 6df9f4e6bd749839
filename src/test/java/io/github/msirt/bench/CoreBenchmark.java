package io.github.msirt.bench;

import io.github.msirt.OracleCase;
import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.MixedFit;
import io.github.msirt.estimate.MixedSubjectsEstimator;
import io.github.msirt.estimate.SandwichCovariance;
import io.github.msirt.tune.AbilityRiskTuner;
import io.github.msirt.tune.Candidate;
import io.github.msirt.tune.CrossFitTuner;

/**
 * Passes over the data and wall time of the single-machine core on the reference cases:
 * one fit at lambda 0.5 with its covariance, and a full cross-fitted tuning. Run with
 * {@code mvn -q -B test-compile exec:java} or from an IDE; it is not a unit test.
 */
public final class CoreBenchmark {
  private CoreBenchmark() {
  }

  /**
   * @param args ignored
   */
  public static void main(String[] args) {
    CalibrationSettings settings = CalibrationSettings.defaults();
    MixedSubjectsEstimator estimator = new MixedSubjectsEstimator(settings);
    warmUp(estimator);
    System.out.println("| case | fit passes | fit + covariance ms | crossfit passes over G "
        + "| crossfit candidates | crossfit ms |");
    System.out.println("|---|---|---|---|---|---|");
    for (String name : OracleCase.ALL) {
      OracleCase oracle = OracleCase.load(name);
      long start = System.nanoTime();
      MixedFit human = estimator.fitHumanOnly(oracle.observed());
      MixedFit fit = estimator.fit(oracle.data(), 0.5, human.parameters(), "bench fit");
      SandwichCovariance.louis(fit, oracle.data(), settings);
      double fitMillis = (System.nanoTime() - start) / 1e6;

      start = System.nanoTime();
      AbilityRiskTuner tuner = new AbilityRiskTuner(estimator);
      CrossFitTuner.Result crossFit = new CrossFitTuner(estimator).tune(oracle.data(),
          oracle.folds(), (training, fold) ->
              tuner.search(training, training.observed(), 0, 1, fold));
      double crossFitMillis = (System.nanoTime() - start) / 1e6;
      int passes = crossFit.fit().passes();
      int candidates = 0;
      for (AbilityRiskTuner.Result fold : crossFit.folds()) {
        for (Candidate candidate : fold.candidates()) {
          passes += candidate.lambda() > 0 ? candidate.fit().passes() : 0;
          candidates++;
        }
      }
      System.out.printf("| %s | %d | %.1f | %d | %d | %.0f |%n", name, fit.passes(),
          fitMillis, passes, candidates, crossFitMillis);
    }
  }

  private static void warmUp(MixedSubjectsEstimator estimator) {
    OracleCase oracle = OracleCase.load("case07");
    for (int i = 0; i < 5; i++) {
      MixedFit human = estimator.fitHumanOnly(oracle.observed());
      estimator.fit(oracle.data(), 0.5, human.parameters(), "warm-up");
    }
  }
}
