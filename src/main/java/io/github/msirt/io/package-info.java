/**
 * Reading response files and writing results.
 *
 * <p>Small inputs (human responses O, paired predictions P, a scoring target, a fold file) are
 * read to the driver as {@link io.github.msirt.model.ResponseMatrix} tables by
 * {@link io.github.msirt.io.ResponseReader}. The large pool of generated responses G is read
 * by {@link io.github.msirt.io.GeneratedReader} as a Spark {@code Dataset<Row>} and validated
 * with distributed aggregations, never collected.
 *
 * <p>Cells are parsed by our own rules ({@link io.github.msirt.io.CellParser}), never by
 * Spark's schema inference: 0/1, 0.0/1.0 and true/false are responses, a configurable list of
 * tokens means missing, and anything else is an error naming the file, column, row and value.
 * Results are written through {@link io.github.msirt.io.OutputFolder}, which publishes a
 * folder only once every file in it is complete.
 */
package io.github.msirt.io;
