package io.github.msirt.study;

import io.github.msirt.estimate.AbilityScore;
import io.github.msirt.estimate.AbilityScorer;
import io.github.msirt.estimate.CalibrationSettings;
import io.github.msirt.estimate.MixedFit;
import io.github.msirt.estimate.MixedSubjectsData;
import io.github.msirt.estimate.MixedSubjectsEstimator;
import io.github.msirt.estimate.SandwichCovariance;
import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.ResponseMatrix;
import io.github.msirt.tune.AbilityRiskTuner;
import io.github.msirt.tune.CrossFitTuner;
import io.github.msirt.tune.PpiTraceRule;
import io.github.msirt.tune.TuningOptions;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every regime of one replication on one machine: draws the data, tunes lambda three
 * ways, fits at lambda 0, the tuned lambda, the fixed lambda and 1, forms both sandwich
 * covariances at the fixed lambda, and scores the held-out respondents.
 */
final class Replication {
  private static final Logger LOG = LoggerFactory.getLogger(Replication.class);

  private final StudyDesign design;
  private final CalibrationSettings settings;
  private final MixedSubjectsEstimator estimator;

  Replication(StudyDesign design) {
    this.design = design;
    this.settings = design.settings();
    this.estimator = new MixedSubjectsEstimator(settings);
  }

  /**
   * @param replication index from 0
   * @param seed the replication's seed
   * @return one result per regime of the design, leaving out (and logging) a regime whose
   *     fits or covariances failed
   */
  List<ReplicationResult> run(int replication, long seed) {
    Simulation simulation = new Simulation(design, seed);
    List<ReplicationResult> results = new ArrayList<>();
    for (Regime regime : design.regimes()) {
      try {
        results.add(runRegime(simulation, regime, replication, seed));
      } catch (RuntimeException e) {
        LOG.warn("replication {} (seed {}), regime {}: failed and left out: {}", replication,
            seed, regime.label(), e.toString());
      }
    }
    return results;
  }

  private ReplicationResult runRegime(Simulation simulation, Regime regime, int replication,
      long seed) {
    long start = System.nanoTime();
    ResponseMatrix observed = simulation.observed();
    Simulation.RegimeData drawn = simulation.draw(regime);
    MixedSubjectsData data = MixedSubjectsData.of(observed, drawn.predicted(),
        drawn.generated());

    // Human-only fit and the three tuners
    MixedFit human = estimator.fitHumanOnly(observed);
    AbilityRiskTuner.Result tuned = abilityRisk(data, observed, "all");
    PpiTraceRule.Result ppi = PpiTraceRule.compute(observed, drawn.predicted(),
        human.parameters(), drawn.generated().rowCount(), settings);
    double crossFit = crossFit(data, seed);

    // Fixed-lambda fit with both sandwiches, and the fit at lambda 1
    MixedFit fixed = estimator.fit(data, design.fixedLambda(), human.parameters(),
        "study fixed lambda");
    MixedFit full = estimator.fit(data, 1.0, human.parameters(), "study lambda=1");
    MixedFit best = tuned.best().fit();

    // Held-out ability error of the three calibrations
    List<ItemParameters> calibrations =
        List.of(human.parameters(), best.parameters(), full.parameters());
    double[][] errors = heldOutErrors(simulation, calibrations);
    boolean[] converged =
        {human.converged(), best.converged(), fixed.converged(), full.converged()};
    return new ReplicationResult(replication, seed, regime, tuned.best().lambda(),
        ppi.lambda(), ppi.unclipped(), crossFit, simulation.truth().toVector(),
        human.parameters().toVector(),
        SandwichCovariance.louis(human, data, settings).standardErrors(),
        fixed.parameters().toVector(),
        SandwichCovariance.louis(fixed, data, settings).standardErrors(),
        SandwichCovariance.completeDataBread(fixed, data, settings).standardErrors(),
        errors[0], errors[1], converged, (System.nanoTime() - start) / 1e9);
  }

  private AbilityRiskTuner.Result abilityRisk(MixedSubjectsData data, ResponseMatrix target,
      String fold) {
    AbilityRiskTuner tuner = new AbilityRiskTuner(estimator);
    double[] grid = design.grid();
    if (design.search() == TuningOptions.Search.GRID) {
      return tuner.grid(data, target, grid, fold);
    }
    double lower = Double.POSITIVE_INFINITY;
    double upper = Double.NEGATIVE_INFINITY;
    for (double lambda : grid) {
      lower = Math.min(lower, lambda);
      upper = Math.max(upper, lambda);
    }
    return tuner.search(data, target, lower, upper, fold);
  }

  private double crossFit(MixedSubjectsData data, long seed) {
    int[] folds = CrossFitTuner.randomFolds(data.observed().rowCount(), design.folds(), seed);
    return new CrossFitTuner(estimator).tune(data, folds,
        (training, fold) -> abilityRisk(training, training.observed(), fold)).lambda();
  }

  // Root mean squared error of EAP (row 0) and bounded ML (row 1) scores against the true
  // held-out abilities, one column per calibration.
  private double[][] heldOutErrors(Simulation simulation, List<ItemParameters> calibrations) {
    ResponseMatrix heldOut = simulation.heldOut();
    double[] truth = simulation.heldOutAbilities();
    double[][] errors = new double[2][calibrations.size()];
    byte[] row = new byte[heldOut.itemCount()];
    for (int c = 0; c < calibrations.size(); c++) {
      AbilityScorer scorer = AbilityScorer.of(calibrations.get(c), settings);
      double eapSquares = 0;
      double mlSquares = 0;
      for (int i = 0; i < heldOut.rowCount(); i++) {
        heldOut.copyRow(i, row);
        double eap = scorer.expectedAPosteriori(row, settings.quadrature())[0];
        AbilityScore ml = scorer.score(row);
        eapSquares += (eap - truth[i]) * (eap - truth[i]);
        mlSquares += (ml.theta() - truth[i]) * (ml.theta() - truth[i]);
      }
      errors[0][c] = Math.sqrt(eapSquares / heldOut.rowCount());
      errors[1][c] = Math.sqrt(mlSquares / heldOut.rowCount());
    }
    return errors;
  }
}
