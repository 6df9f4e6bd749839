package io.github.msirt.ml;

import org.apache.spark.ml.util.MLReader;

/**
 * Reads a calibration folder written by {@link MixedSubjectsIrtModelWriter} or
 * {@link CalibrationStore} back into a {@link MixedSubjectsIrtModel}, with its params and id.
 * Spark's {@link org.apache.spark.ml.PipelineModel} uses it for a model saved as a stage.
 */
public final class MixedSubjectsIrtModelReader extends MLReader<MixedSubjectsIrtModel> {

  /** Creates a reader that uses the session given by {@code session(...)}, else the active. */
  MixedSubjectsIrtModelReader() {
  }

  /**
   * @param path the folder
   * @return the model
   * @throws IllegalArgumentException naming the path and the problem, if the folder is not a
   *     calibration or is in a newer format
   */
  @Override
  public MixedSubjectsIrtModel load(String path) {
    return CalibrationStore.load(sparkSession(), path);
  }
}
