package io.github.msirt.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Matches the items of one input to the items of the human responses O by name, whatever the
 * column order. Inputs never pair columns by position: a reordered header would silently pair
 * the wrong items.
 */
public final class ItemAlignment {
  private static final int SHOWN = 5;

  private ItemAlignment() {
  }

  /**
   * @param table an input read to the driver (P or a scoring target)
   * @param items O's items, in O's order
   * @param reference the name of the file the items come from, for messages
   * @return the table with its columns in O's order
   * @throws InputException naming items of O the table lacks, or items it has that O lacks
   */
  public static ResponseTable reorder(ResponseTable table, List<String> items,
      String reference) {
    requireSameItems(table.source(), table.matrix().items(), items, reference);
    return table.withItemOrder(items);
  }

  /**
   * @param source the input being checked, for messages
   * @param found its items
   * @param items O's items
   * @param reference the name of O's file, for messages
   * @throws InputException naming missing or extra items
   */
  public static void requireSameItems(String source, List<String> found, List<String> items,
      String reference) {
    List<String> missing = new ArrayList<>(items);
    missing.removeAll(found);
    if (!missing.isEmpty()) {
      throw new InputException(source + ": " + missing.size() + " item(s) of " + reference
          + " have no column: " + shown(missing) + "; add the column(s) under the same "
          + "name, or remove the item(s) from every input");
    }
    List<String> extra = new ArrayList<>(found);
    extra.removeAll(items);
    if (!extra.isEmpty()) {
      throw new InputException(source + ": " + extra.size() + " column(s) are not items of "
          + reference + ": " + shown(extra) + "; remove them, or add the item(s) to "
          + reference + " (an item cannot be fitted from this input alone)");
    }
  }

  /**
   * @param names names or ids
   * @return at most five of them, with a count of the rest
   */
  static String shown(List<String> names) {
    return shown(names, SHOWN);
  }

  /**
   * @param names names or ids
   * @param limit how many to show
   * @return at most {@code limit} of them, with a count of the rest
   */
  static String shown(List<String> names, int limit) {
    if (names.size() <= limit) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, limit)) + " and " + (names.size() - limit)
        + " more";
  }
}
