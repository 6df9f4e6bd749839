package io.github.msirt.estimate;

import io.github.msirt.model.ItemParameters;

/** A fitted mixed-subjects calibration at one lambda, with how the optimiser got there. */
public final class MixedFit {
  private final MixedEvaluation evaluation;
  private final int iterations;
  private final int passes;
  private final boolean converged;
  private final String reason;
  private final double observedRespondents;
  private final double generatedRespondents;

  MixedFit(MixedEvaluation evaluation, int iterations, int passes, boolean converged,
      String reason, double observedRespondents, double generatedRespondents) {
    this.evaluation = evaluation;
    this.iterations = iterations;
    this.passes = passes;
    this.converged = converged;
    this.reason = reason;
    this.observedRespondents = observedRespondents;
    this.generatedRespondents = generatedRespondents;
  }

  /** @return the fitted item parameters */
  public ItemParameters parameters() {
    return evaluation.parameters();
  }

  /** @return lambda, the weight of the generated-minus-predicted correction */
  public double lambda() {
    return evaluation.lambda();
  }

  /** @return the objective {@code L_O + lambda (L_G - L_P)} at the fit */
  public double objective() {
    return evaluation.value();
  }

  /** @return the largest absolute gradient entry at the fit */
  public double gradientNorm() {
    return Matrices.maxAbs(evaluation.gradient());
  }

  /** @return Newton steps taken */
  public int iterations() {
    return iterations;
  }

  /** @return E-step passes over the data, one per objective evaluation */
  public int passes() {
    return passes;
  }

  /** @return whether the optimiser met its convergence test */
  public boolean converged() {
    return converged;
  }

  /** @return why the optimiser stopped */
  public String reason() {
    return reason;
  }

  /** @return human respondents with at least one answer, n */
  public double observedRespondents() {
    return observedRespondents;
  }

  /** @return generated respondents with at least one answer, N (0 for a human-only fit) */
  public double generatedRespondents() {
    return generatedRespondents;
  }

  /** @return the evaluation at the fit, with each response set's E-step statistics */
  public MixedEvaluation evaluation() {
    return evaluation;
  }
}
