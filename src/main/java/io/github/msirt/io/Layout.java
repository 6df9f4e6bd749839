package io.github.msirt.io;

import java.util.Locale;

/** How a response file arranges its cells. */
public enum Layout {
  /** One row per respondent: an optional id column and one column per item. */
  WIDE,
  /** One row per answer: id, item and response columns. */
  LONG;

  /**
   * @param text {@code wide} or {@code long}, case-insensitive
   * @return the layout
   * @throws InputException for any other text
   */
  public static Layout parse(String text) {
    String name = text.strip().toUpperCase(Locale.ROOT);
    for (Layout layout : values()) {
      if (layout.name().equals(name)) {
        return layout;
      }
    }
    throw new InputException("layout \"" + text + "\" is not known; use wide or long");
  }
}
