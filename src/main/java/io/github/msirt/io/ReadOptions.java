package io.github.msirt.io;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to read a response file: id column, format, layout, missing tokens and recoding.
 *
 * <p>Instances are immutable; each {@code with...} method returns a changed copy.
 */
public final class ReadOptions implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The id column used when the caller does not name one. */
  public static final String DEFAULT_ID_COLUMN = "respondent_id";

  /** Tokens read as missing unless the caller gives a list of its own. */
  public static final List<String> DEFAULT_MISSING_TOKENS = List.of("", "NA", "NaN", "null", ".");

  /** Name of the item column in the long layout. */
  public static final String ITEM_COLUMN = "item";

  /** Name of the response column in the long layout. */
  public static final String RESPONSE_COLUMN = "response";

  private final String idColumn;
  private final FileFormat format;
  private final Layout layout;
  private final List<String> missingTokens;
  private final Map<String, String> recoding;

  private ReadOptions(String idColumn, FileFormat format, Layout layout,
      List<String> missingTokens, Map<String, String> recoding) {
    this.idColumn = idColumn;
    this.format = format;
    this.layout = layout;
    this.missingTokens = List.copyOf(missingTokens);
    this.recoding = Map.copyOf(recoding);
  }

  /**
   * @return id column {@value #DEFAULT_ID_COLUMN}, format from the file name, wide layout,
   *     the default missing tokens and no recoding
   */
  public static ReadOptions defaults() {
    return new ReadOptions(DEFAULT_ID_COLUMN, null, Layout.WIDE, DEFAULT_MISSING_TOKENS,
        Map.of());
  }

  /**
   * @param name the respondent id column, non-blank; files without it pair rows by position
   * @return a copy with that id column
   */
  public ReadOptions withIdColumn(String name) {
    if (name == null || name.isBlank()) {
      throw new InputException("the id column name is blank; give a name such as "
          + DEFAULT_ID_COLUMN);
    }
    return new ReadOptions(name.strip(), format, layout, missingTokens, recoding);
  }

  /**
   * @param fileFormat the format, or {@code null} to tell it from the file name
   * @return a copy with that format
   */
  public ReadOptions withFormat(FileFormat fileFormat) {
    return new ReadOptions(idColumn, fileFormat, layout, missingTokens, recoding);
  }

  /**
   * @param fileLayout wide or long
   * @return a copy with that layout
   */
  public ReadOptions withLayout(Layout fileLayout) {
    return new ReadOptions(idColumn, format, fileLayout, missingTokens, recoding);
  }

  /**
   * Replaces the missing tokens. Tokens match after trimming blanks and ignoring case; an
   * empty or blank cell is always missing, whatever the list.
   *
   * @param tokens the tokens that mean "not answered", for example {@code NA} or {@code 9}
   * @return a copy with those tokens
   */
  public ReadOptions withMissingTokens(List<String> tokens) {
    List<String> trimmed = new ArrayList<>();
    trimmed.add("");
    for (String token : tokens) {
      trimmed.add(token.strip());
    }
    return new ReadOptions(idColumn, format, layout, trimmed, recoding);
  }

  /**
   * Maps raw cell tokens to other tokens before they are parsed, for example
   * {@code 1 -> 0, 2 -> 1} for data coded 1 = wrong, 2 = right. Keys match the trimmed
   * token exactly. A recoded value may itself be a missing token.
   *
   * @param map raw token to replacement token
   * @return a copy with that recoding
   */
  public ReadOptions withRecoding(Map<String, String> map) {
    Map<String, String> trimmed = new LinkedHashMap<>();
    map.forEach((from, to) -> trimmed.put(from.strip(), to.strip()));
    return new ReadOptions(idColumn, format, layout, missingTokens, trimmed);
  }

  /** @return the respondent id column name */
  public String idColumn() {
    return idColumn;
  }

  /** @return the requested format, or {@code null} to tell it from the file name */
  public FileFormat format() {
    return format;
  }

  /** @return the layout */
  public Layout layout() {
    return layout;
  }

  /** @return the missing tokens, trimmed */
  public List<String> missingTokens() {
    return missingTokens;
  }

  /** @return the recoding map, trimmed raw token to replacement */
  public Map<String, String> recoding() {
    return recoding;
  }
}
