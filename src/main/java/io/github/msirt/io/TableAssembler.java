package io.github.msirt.io;

import java.util.List;

/**
 * Builds a {@link ResponseTable} from the rows of a file, one row at a time, whatever the
 * file's format.
 */
interface TableAssembler extends RowSink<ResponseTable> {

  /**
   * @param source the file or folder name, for messages
   * @param header column names in file order, already checked for blanks and repeats
   * @param options id column, layout and cell rules
   * @return an assembler for the options' layout
   */
  static TableAssembler create(String source, List<String> header, ReadOptions options) {
    return options.layout() == Layout.LONG
        ? new LongAssembler(source, header, options)
        : new WideAssembler(source, header, options);
  }
}
