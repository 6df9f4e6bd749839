package io.github.msirt.estimate;

import io.github.msirt.model.ItemParameters;
import io.github.msirt.model.Quadrature;
import java.util.List;

/**
 * A set of response rows that the estimator can pass over: in memory on one machine, or
 * spread over a Spark cluster. Each pass is one aggregation of {@link EStepStatistics}.
 */
public interface ResponseSource {

  /** @return item names in the estimator's order */
  List<String> items();

  /**
   * Runs one E-step pass over every row.
   *
   * @param parameters item parameters at which to take posteriors
   * @param quadrature the ability grid
   * @param detail what to accumulate
   * @param phase a short description of what the pass is for, shown in logs and the Spark UI
   * @return the merged statistics of all rows
   */
  EStepStatistics pass(ItemParameters parameters, Quadrature quadrature, Detail detail,
      String phase);
}
