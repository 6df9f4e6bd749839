package io.github.msirt.diagnostics;

/**
 * What the generated data are worth in human respondents: the number of humans a
 * human-only calibration would need to match the mixed calibration.
 *
 * <p>Three versions:
 * <ul>
 *   <li>by ability risk: {@code n * R(0) / R(lambda)}, with {@code R} the ability risk (the
 *       mean of {@code g' Sigma g} over the human rows) of the human-only fit and of the
 *       chosen fit; risk scales as {@code 1/n}, so the ratio converts to respondents;</li>
 *   <li>by covariance trace: {@code n * tr Sigma(0) / tr Sigma(lambda)}, the same with the
 *       summed parameter variances;</li>
 *   <li>by PPI correlation: {@code n / (1 - rho^2 * N / (n + N))} with {@code rho} the PPI
 *       correlation ({@link PpiCorrelation}), clipped below at 0. This is the PPI++ variance
 *       at its optimal lambda, {@code Var(0) (1 - rho^2 N / (n + N))}, turned into
 *       respondents (Angelopoulos, Duchi and Zrnic, 2023, arXiv:2311.01453). It is exact for
 *       one parameter with its own optimal lambda in [0, 1]; per item and overall it uses
 *       the trace correlation and so approximates a shared lambda. It ranges from n
 *       (useless predictions) to {@code n + N} (perfect ones).</li>
 * </ul>
 *
 * @param humans n, human respondents
 * @param generated N, generated respondents
 * @param riskHumanOnly the ability risk {@code R(0)}
 * @param riskChosen the ability risk {@code R(lambda)} at the chosen lambda
 * @param byRisk {@code n R(0) / R(lambda)}
 * @param traceHumanOnly {@code tr Sigma(0)}
 * @param traceChosen {@code tr Sigma(lambda)}
 * @param byTrace {@code n tr Sigma(0) / tr Sigma(lambda)}
 * @param byCorrelation from the overall PPI correlation
 * @param byItemCorrelation from each item's PPI correlation
 */
public record EffectiveSampleSize(double humans, double generated, double riskHumanOnly,
    double riskChosen, double byRisk, double traceHumanOnly, double traceChosen,
    double byTrace, double byCorrelation, double[] byItemCorrelation) {

  /**
   * @param humans n
   * @param generated N
   * @param riskHumanOnly {@code R(0)}
   * @param riskChosen {@code R(lambda)}
   * @param traceHumanOnly {@code tr Sigma(0)}
   * @param traceChosen {@code tr Sigma(lambda)}
   * @param correlation the PPI correlation
   * @return every version
   */
  public static EffectiveSampleSize of(double humans, double generated, double riskHumanOnly,
      double riskChosen, double traceHumanOnly, double traceChosen,
      PpiCorrelation correlation) {
    double[] byItem = new double[correlation.byItem().length];
    for (int j = 0; j < byItem.length; j++) {
      byItem[j] = fromCorrelation(humans, generated, correlation.byItem()[j]);
    }
    return new EffectiveSampleSize(humans, generated, riskHumanOnly, riskChosen,
        fromRatio(humans, riskHumanOnly, riskChosen), traceHumanOnly, traceChosen,
        fromRatio(humans, traceHumanOnly, traceChosen),
        fromCorrelation(humans, generated, correlation.overall()), byItem);
  }

  /**
   * @param humans n
   * @param humanOnly a variance-like quantity of the human-only fit (risk or trace)
   * @param chosen the same quantity at the chosen lambda
   * @return {@code n * humanOnly / chosen}, NaN unless both are positive and finite
   */
  public static double fromRatio(double humans, double humanOnly, double chosen) {
    boolean usable = humanOnly > 0 && chosen > 0 && Double.isFinite(humanOnly)
        && Double.isFinite(chosen);
    return usable ? humans * humanOnly / chosen : Double.NaN;
  }

  /**
   * @param humans n
   * @param generated N
   * @param rho a PPI correlation; negative values count as 0, NaN gives NaN
   * @return {@code n / (1 - max(rho, 0)^2 N / (n + N))}
   */
  public static double fromCorrelation(double humans, double generated, double rho) {
    double positive = Math.max(0.0, rho);
    return humans / (1 - positive * positive * generated / (humans + generated));
  }
}
