/**
 * The notebook and pipeline API: mixed-subjects 2PL calibration as a Spark ML estimator on
 * the caller's DataFrames, a model that scores respondents as a distributed transform, and
 * the saved calibration folder.
 *
 * <ul>
 *   <li>{@link io.github.msirt.ml.MixedSubjectsIrt}: the estimator; {@code fit(O, P, G)}
 *   calibrates with lambda fixed or tuned, {@code fit(O)} fits the human-only model;
 *   <li>{@link io.github.msirt.ml.MixedSubjectsIrtParams}: its params, with ranges and
 *   defaults, shared with the model;
 *   <li>{@link io.github.msirt.ml.MixedSubjectsIrtModel}: item parameters as a DataFrame and
 *   as Java values, covariance, tuning table, diagnostics, and {@code transform} scoring;
 *   <li>{@link io.github.msirt.ml.CalibrationResult}: the calibration as plain Java values;
 *   <li>{@link io.github.msirt.ml.CalibrationStore}: the calibration folder, shared with the
 *   command line; {@link io.github.msirt.ml.MixedSubjectsIrtModelWriter} and
 *   {@link io.github.msirt.ml.MixedSubjectsIrtModelReader} are Spark's writer and reader
 *   over it;
 *   <li>{@link io.github.msirt.ml.ResponseLayout}: long to wide responses.
 * </ul>
 *
 * <pre>{@code
 * MixedSubjectsIrtModel model = new MixedSubjectsIrt()
 *     .setIdCol("respondent_id")
 *     .fit(observed, predicted, generated);
 * model.itemParameters().show();
 * model.transform(respondents).select("respondent_id", "theta", "se").show();
 * model.write().overwrite().save("calibration");
 * }</pre>
 */
package io.github.msirt.ml;
