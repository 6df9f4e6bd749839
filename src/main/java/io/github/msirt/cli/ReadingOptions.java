package io.github.msirt.cli;

import io.github.msirt.io.FileFormat;
import io.github.msirt.io.Layout;
import io.github.msirt.io.ReadOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** How input files are read: id column, format, layout, missing tokens and recoding. */
public final class ReadingOptions {
  @Option(names = "--id-column", paramLabel = "NAME", defaultValue = "respondent_id",
      description = "Respondent id column. P pairs with O by this id; files without it pair "
          + "rows by position and use the 1-based row number as the id "
          + "(default: ${DEFAULT-VALUE}).")
  String idColumn;

  @Option(names = "--format", paramLabel = "csv|parquet",
      description = "Input format (default: from the file name, *.csv or *.parquet; for a "
          + "folder, from its part files).")
  String format;

  @Option(names = "--layout", paramLabel = "wide|long", defaultValue = "wide",
      description = "wide: an id column and one column per item; long: columns id, item, "
          + "response, one row per answer (default: ${DEFAULT-VALUE}).")
  String layout;

  @Option(names = "--missing-tokens", paramLabel = "LIST", split = ",",
      defaultValue = "NA,NaN,null,.",
      description = "Cell values that mean 'not answered', matched ignoring case and blanks; "
          + "an empty or blank cell is always missing. Add sentinel codes here, e.g. "
          + "NA,NaN,null,.,9 (default: ${DEFAULT-VALUE}).")
  List<String> missingTokens;

  @Option(names = "--recode", paramLabel = "FROM=TO", split = ",",
      description = "Replace cell values before parsing, e.g. 1=0,2=1 for data coded "
          + "1 = wrong, 2 = right (default: none).")
  Map<String, String> recode = new LinkedHashMap<>();

  /**
   * @return the reading settings
   * @throws io.github.msirt.io.InputException for an unknown format or layout
   */
  public ReadOptions toReadOptions() {
    return ReadOptions.defaults()
        .withIdColumn(idColumn)
        .withFormat(format == null ? null : FileFormat.parse(format))
        .withLayout(Layout.parse(layout))
        .withMissingTokens(missingTokens)
        .withRecoding(recode);
  }
}
