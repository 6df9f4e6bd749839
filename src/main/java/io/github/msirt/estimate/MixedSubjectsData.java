package io.github.msirt.estimate;

import io.github.msirt.model.ResponseMatrix;
import java.util.List;

/**
 * The three response sets of a mixed-subjects calibration over the same items: human
 * responses O, paired predictions P for the same humans (row i of P predicts row i of O),
 * and generated responses G.
 *
 * <p>O and P are held in memory, because the sandwich meat and the PPI++ rule need them
 * pair by pair; G may be any {@link ResponseSource}, such as a Spark dataset.
 */
public final class MixedSubjectsData {
  private final ResponseMatrix observed;
  private final ResponseMatrix predicted;
  private final ResponseSource generated;
  private final ResponseSource observedSource;
  private final ResponseSource predictedSource;

  private MixedSubjectsData(ResponseMatrix observed, ResponseMatrix predicted,
      ResponseSource generated) {
    this.observed = observed;
    this.predicted = predicted;
    this.generated = generated;
    this.observedSource = LocalResponses.of(observed);
    this.predictedSource = predicted == null ? null : LocalResponses.of(predicted);
  }

  /**
   * Human responses only: the fit is the ordinary marginal ML 2PL fit.
   *
   * @param observed human responses
   * @return the data
   */
  public static MixedSubjectsData humanOnly(ResponseMatrix observed) {
    return new MixedSubjectsData(observed, null, null);
  }

  /**
   * @param observed human responses O
   * @param predicted predictions P for the same humans, row by row, same items in the same
   *     order
   * @param generated generated responses G over the same items in the same order
   * @return the data
   * @throws IllegalArgumentException if the items or the O and P row counts differ
   */
  public static MixedSubjectsData of(ResponseMatrix observed, ResponseMatrix predicted,
      ResponseSource generated) {
    requireSameItems("observed", observed.items(), "predicted", predicted.items());
    requireSameItems("observed", observed.items(), "generated", generated.items());
    if (observed.rowCount() != predicted.rowCount()) {
      throw new IllegalArgumentException("observed has " + observed.rowCount()
          + " rows but predicted has " + predicted.rowCount()
          + "; P must hold one prediction row for every human row of O");
    }
    return new MixedSubjectsData(observed, predicted, generated);
  }

  /**
   * @param observed human responses O
   * @param predicted predictions P
   * @param generated generated responses G, in memory
   * @return the data
   */
  public static MixedSubjectsData of(ResponseMatrix observed, ResponseMatrix predicted,
      ResponseMatrix generated) {
    return of(observed, predicted, LocalResponses.of(generated));
  }

  private static void requireSameItems(String firstName, List<String> first, String secondName,
      List<String> second) {
    if (!first.equals(second)) {
      throw new IllegalArgumentException(secondName + " items " + second + " differ from "
          + firstName + " items " + first + "; align the columns by item name first");
    }
  }

  /**
   * The same generated data with a subset of the human pairs, as cross-fitting needs.
   *
   * @param rows indexes of the O and P rows to keep
   * @return the restricted data
   */
  public MixedSubjectsData withHumanRows(int[] rows) {
    ResponseMatrix keptPredicted = predicted == null ? null : predicted.selectRows(rows);
    return new MixedSubjectsData(observed.selectRows(rows), keptPredicted, generated);
  }

  /** @return whether P and G are present */
  public boolean hasPredictions() {
    return predicted != null;
  }

  /** @return the item names */
  public List<String> items() {
    return observed.items();
  }

  /** @return human responses O */
  public ResponseMatrix observed() {
    return observed;
  }

  /** @return paired predictions P, or null for human-only data */
  public ResponseMatrix predicted() {
    return predicted;
  }

  /** @return generated responses G, or null for human-only data */
  public ResponseSource generated() {
    return generated;
  }

  ResponseSource observedSource() {
    return observedSource;
  }

  ResponseSource predictedSource() {
    return predictedSource;
  }
}
