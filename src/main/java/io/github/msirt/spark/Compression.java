package io.github.msirt.spark;

/** Whether identical response rows are merged into distinct patterns with counts. */
public enum Compression {
  /**
   * Merge when it pays: when the estimated distinct patterns fit on the driver, or are at
   * most a set fraction of the rows. Few items always pay, since J items allow at most
   * {@code 3^J} patterns.
   */
  AUTO,
  /** Always merge; the patterns stay distributed unless they fit on the driver. */
  ALWAYS,
  /** Never merge: every pass runs over the cached raw rows. */
  NEVER
}
