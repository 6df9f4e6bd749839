package io.github.msirt.estimate;

/** How much an E-step pass accumulates; each level includes the ones before it. */
public enum Detail {
  /** The marginal log-likelihood only. */
  LIKELIHOOD,
  /** Also the expected counts, which give the gradient. */
  GRADIENT,
  /** Also the Louis pieces of the marginal Hessian and the per-respondent score moments. */
  HESSIAN
}
