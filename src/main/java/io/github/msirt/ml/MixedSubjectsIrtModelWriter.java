package io.github.msirt.ml;

import org.apache.spark.ml.util.MLWriter;

/**
 * Writes a {@link MixedSubjectsIrtModel} to a calibration folder in the format of
 * {@link CalibrationStore}. {@code save(path)} refuses an existing path unless
 * {@link #overwrite()} was called, in which case the path is deleted first.
 *
 * <pre>{@code
 * model.write().overwrite().save("hdfs:///calibrations/icar");
 * }</pre>
 */
public final class MixedSubjectsIrtModelWriter extends MLWriter {
  private final MixedSubjectsIrtModel model;

  /**
   * @param model the model to write
   */
  MixedSubjectsIrtModelWriter(MixedSubjectsIrtModel model) {
    this.model = model;
  }

  /**
   * Writes the folder once {@code save} has dealt with an existing path.
   *
   * @param path the folder
   */
  @Override
  public void saveImpl(String path) {
    CalibrationStore.save(sparkSession(), model, path);
  }
}
