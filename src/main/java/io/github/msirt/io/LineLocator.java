package io.github.msirt.io;

import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Turns the byte offset of a line, which is all Spark knows while reading a CSV file in
 * splits, into its 1-based line number, by counting line feeds before it. Only error
 * messages need this, so the file is scanned only when there is an error to report.
 */
final class LineLocator {
  private static final int BUFFER = 1 << 16;

  private LineLocator() {
  }

  /**
   * @param position a position, of any kind
   * @param configuration Hadoop settings used to open the file
   * @return the same row as a file line when it was a byte offset, else the position given
   */
  static RowPosition toFileLine(RowPosition position, Configuration configuration) {
    if (position.kind() != RowPosition.Kind.BYTE_OFFSET) {
      return position;
    }
    try {
      long line = 1 + lineFeedsBefore(position, configuration);
      return new RowPosition(position.file(), line, RowPosition.Kind.FILE_LINE);
    } catch (IOException unreadable) {
      return position;
    }
  }

  private static long lineFeedsBefore(RowPosition position, Configuration configuration)
      throws IOException {
    Path file = new Path(position.file());
    long remaining = position.value();
    long lineFeeds = 0;
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = file.getFileSystem(configuration).open(file)) {
      while (remaining > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
        if (read < 0) {
          break;
        }
        for (int index = 0; index < read; index++) {
          lineFeeds += buffer[index] == '\n' ? 1 : 0;
        }
        remaining -= read;
      }
    }
    return lineFeeds;
  }
}
