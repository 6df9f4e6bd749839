/**
 * The two-parameter logistic (2PL) model, its quadrature grid and the response data it is
 * fitted to.
 *
 * <p>The 2PL is used throughout in slope-intercept form,
 * {@code P(y = 1 | theta) = logistic(d + a * theta)}, with the ability {@code theta}
 * distributed N(0, 1). Every flat parameter vector and covariance is ordered all
 * discriminations {@code a_1..a_J}, then all intercepts {@code d_1..d_J}.
 */
package io.github.msirt.model;
