package io.github.msirt.spark;

import io.github.msirt.estimate.Detail;
import io.github.msirt.estimate.EStepStatistics;
import io.github.msirt.estimate.LocalResponses;
import io.github.msirt.estimate.NodeTable;
import io.github.msirt.model.ResponseMatrix;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Distinct patterns collected to the driver, passed over there without a Spark job.
 *
 * <p>The patterns are cut into chunks of a fixed size that are accumulated on the driver's
 * cores in parallel and merged in chunk order, so a pass gives the same bits on every run and
 * every machine.
 */
final class DriverPatterns {
  /** Patterns per chunk: large enough that merging is negligible, small enough to balance. */
  static final int CHUNK_PATTERNS = 1 << 16;

  private final int items;
  private final List<ResponseMatrix> chunks;
  private final long patterns;

  private DriverPatterns(int items, List<ResponseMatrix> chunks, long patterns) {
    this.items = items;
    this.chunks = chunks;
    this.patterns = patterns;
  }

  /**
   * @param names item names
   * @param blocks collected blocks of distinct patterns with counts
   * @return the patterns re-cut into chunks of {@link #CHUNK_PATTERNS}
   */
  static DriverPatterns of(List<String> names, List<PatternBlock> blocks) {
    List<ResponseMatrix> chunks = new ArrayList<>();
    long total = 0;
    int next = 0;
    while (next < blocks.size()) {
      int end = next;
      int rows = 0;
      while (end < blocks.size() && rows + blocks.get(end).rowCount() <= CHUNK_PATTERNS) {
        rows += blocks.get(end++).rowCount();
      }
      end = Math.max(end, next + 1);
      chunks.add(chunk(names, blocks.subList(next, end)));
      total += chunks.get(chunks.size() - 1).rowCount();
      next = end;
    }
    return new DriverPatterns(names.size(), chunks, total);
  }

  private static ResponseMatrix chunk(List<String> names, List<PatternBlock> blocks) {
    int rows = blocks.stream().mapToInt(PatternBlock::rowCount).sum();
    byte[] cells = new byte[rows * names.size()];
    double[] frequencies = new double[rows];
    int firstRow = 0;
    for (PatternBlock block : blocks) {
      block.unpackInto(cells, frequencies, firstRow);
      firstRow += block.rowCount();
    }
    return ResponseMatrix.of(names, cells, null, frequencies);
  }

  /** @return the number of patterns held */
  long patternCount() {
    return patterns;
  }

  /**
   * One E-step pass over the patterns, with their counts as frequencies.
   *
   * @param table the 2PL at the current parameters
   * @param detail what to accumulate
   * @return the merged statistics
   */
  EStepStatistics accumulate(NodeTable table, Detail detail) {
    List<EStepStatistics> parts = chunks.parallelStream()
        .map(chunk -> LocalResponses.accumulate(chunk, table, detail))
        .collect(Collectors.toList());
    EStepStatistics total = new EStepStatistics(items, table.nodeCount(), detail);
    for (EStepStatistics part : parts) {
      total.merge(part);
    }
    return total;
  }
}
