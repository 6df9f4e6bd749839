package io.github.msirt.estimate;

import java.io.Serializable;

/**
 * A bounded maximum-likelihood ability estimate with its standard error and where it lies.
 *
 * @param theta the estimate; a bound when the likelihood keeps rising past it; NaN when the
 *     respondent answered nothing
 * @param standardError {@code 1 / sqrt(test information)} at an interior estimate; infinite
 *     at a bound, NaN without answers
 * @param status where the estimate lies
 */
public record AbilityScore(double theta, double standardError, Status status)
    implements Serializable {

  /** Where an ability estimate lies. */
  public enum Status {
    /** A stationary point of the likelihood inside the bounds. */
    INTERIOR,
    /** Clamped to the lower bound: the likelihood still rises below it. */
    LOWER_BOUND,
    /** Clamped to the upper bound: the likelihood still rises above it. */
    UPPER_BOUND,
    /** The respondent answered no item. */
    NO_RESPONSES
  }
}
