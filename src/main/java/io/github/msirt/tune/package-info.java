/**
 * Choosing lambda, the weight of the generated-minus-predicted correction: the PPI++ trace
 * rule in closed form, ability-risk tuning over a grid or by a 1-D search, and
 * cross-fitting over folds of the human rows.
 */
package io.github.msirt.tune;
