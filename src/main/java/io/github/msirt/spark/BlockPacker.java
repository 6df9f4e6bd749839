package io.github.msirt.spark;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;

/**
 * Groups a partition's packed rows into {@link PatternBlock}s of bounded size, lazily, so a
 * partition is never held whole in memory.
 *
 * <p>Input rows hold the packed words in their first {@code wordsPerRow} columns and, for
 * distinct patterns, the count in the next column.
 */
final class BlockPacker implements FlatMapFunction<Iterator<Row>, PatternBlock> {
  private static final long serialVersionUID = 1L;

  private final int items;
  private final int blockRows;
  private final boolean counted;

  /**
   * @param items number of items per row
   * @param blockRows most rows per block, positive
   * @param counted whether each input row carries a count after its words
   */
  BlockPacker(int items, int blockRows, boolean counted) {
    this.items = items;
    this.blockRows = blockRows;
    this.counted = counted;
  }

  @Override
  public Iterator<PatternBlock> call(Iterator<Row> rows) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return rows.hasNext();
      }

      @Override
      public PatternBlock next() {
        if (!rows.hasNext()) {
          throw new NoSuchElementException("no rows left in this partition");
        }
        return nextBlock(rows);
      }
    };
  }

  private PatternBlock nextBlock(Iterator<Row> rows) {
    int width = PatternBlock.wordsPerRow(items);
    long[] words = new long[blockRows * width];
    long[] counts = counted ? new long[blockRows] : null;
    int filled = 0;

    // Copy rows until the block is full or the partition ends
    while (filled < blockRows && rows.hasNext()) {
      Row row = rows.next();
      for (int w = 0; w < width; w++) {
        words[filled * width + w] = row.getLong(w);
      }
      if (counted) {
        counts[filled] = row.getLong(width);
      }
      filled++;
    }

    // Trim the last block of a partition
    if (filled < blockRows) {
      words = Arrays.copyOf(words, filled * width);
      counts = counted ? Arrays.copyOf(counts, filled) : null;
    }
    return new PatternBlock(items, filled, words, counts);
  }
}
