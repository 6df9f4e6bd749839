/**
 * Diagnostics of a mixed-subjects calibration: how well the predictions P line up with the
 * human responses O, what the generated data are worth in human respondents, whether the
 * chosen lambda beats a placebo with the pairing destroyed, and warnings; written as
 * {@code diagnostics.json} and a self-contained {@code report.html} with SVG figures.
 */
package io.github.msirt.diagnostics;
