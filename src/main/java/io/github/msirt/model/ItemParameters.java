package io.github.msirt.model;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Item parameters of the 2PL in slope-intercept form: discriminations {@code a} and
 * intercepts {@code d}, with {@code P(y = 1 | theta) = logistic(d + a * theta)}.
 *
 * <p>As a flat vector the order is all discriminations, then all intercepts:
 * {@code (a_1, ..., a_J, d_1, ..., d_J)}, named {@code a_<item>} and {@code d_<item>}.
 */
public final class ItemParameters implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> items;
  private final double[] discriminations;
  private final double[] intercepts;

  /**
   * @param items item names, one per item
   * @param discriminations slopes {@code a_j}, finite
   * @param intercepts intercepts {@code d_j}, finite
   * @throws IllegalArgumentException if the lengths differ or a value is not finite
   */
  public ItemParameters(List<String> items, double[] discriminations, double[] intercepts) {
    if (discriminations.length != items.size() || intercepts.length != items.size()) {
      throw new IllegalArgumentException("expected " + items.size()
          + " discriminations and intercepts, found " + discriminations.length + " and "
          + intercepts.length);
    }
    this.items = List.copyOf(items);
    this.discriminations = discriminations.clone();
    this.intercepts = intercepts.clone();
  }

  /**
   * Builds parameters from a flat vector ordered all {@code a}, then all {@code d}.
   *
   * @param items item names
   * @param vector length {@code 2 * items.size()}
   * @return the parameters
   */
  public static ItemParameters fromVector(List<String> items, double[] vector) {
    int count = items.size();
    if (vector.length != 2 * count) {
      throw new IllegalArgumentException("a parameter vector for " + count
          + " items has " + (2 * count) + " entries, found " + vector.length);
    }
    return new ItemParameters(items, Arrays.copyOfRange(vector, 0, count),
        Arrays.copyOfRange(vector, count, 2 * count));
  }

  /** @return the flat vector {@code (a_1..a_J, d_1..d_J)} */
  public double[] toVector() {
    double[] vector = new double[2 * items.size()];
    System.arraycopy(discriminations, 0, vector, 0, discriminations.length);
    System.arraycopy(intercepts, 0, vector, discriminations.length, intercepts.length);
    return vector;
  }

  /** @return parameter names {@code a_<item>} then {@code d_<item>}, matching {@link #toVector} */
  public List<String> parameterNames() {
    return parameterNames(items);
  }

  /**
   * @param items item names
   * @return {@code a_<item>} for every item, then {@code d_<item>} for every item
   */
  public static List<String> parameterNames(List<String> items) {
    String[] names = new String[2 * items.size()];
    for (int j = 0; j < items.size(); j++) {
      names[j] = "a_" + items.get(j);
      names[items.size() + j] = "d_" + items.get(j);
    }
    return List.of(names);
  }

  /** @return the item names */
  public List<String> items() {
    return items;
  }

  /** @return the number of items */
  public int itemCount() {
    return items.size();
  }

  /**
   * @param item item index
   * @return the discrimination {@code a}
   */
  public double discrimination(int item) {
    return discriminations[item];
  }

  /**
   * @param item item index
   * @return the intercept {@code d}
   */
  public double intercept(int item) {
    return intercepts[item];
  }

  /**
   * @param item item index
   * @return the difficulty {@code b = -d / a}
   */
  public double difficulty(int item) {
    return -intercepts[item] / discriminations[item];
  }

  /** @return a copy of the discriminations */
  public double[] discriminations() {
    return discriminations.clone();
  }

  /** @return a copy of the intercepts */
  public double[] intercepts() {
    return intercepts.clone();
  }

  /** @return the largest absolute discrimination */
  public double maxAbsDiscrimination() {
    double largest = 0;
    for (double a : discriminations) {
      largest = Math.max(largest, Math.abs(a));
    }
    return largest;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("ItemParameters[");
    for (int j = 0; j < items.size(); j++) {
      text.append(j == 0 ? "" : ", ").append(items.get(j)).append(": a=")
          .append(discriminations[j]).append(" d=").append(intercepts[j]);
    }
    return text.append(']').toString();
  }
}
