package io.github.msirt.io;

import io.github.msirt.model.ResponseMatrix;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one cell of a response file into 0, 1, missing, or invalid.
 *
 * <p>Rules, applied to the token with surrounding blanks removed:
 * <ol>
 *   <li>a token in the recoding map is replaced first;</li>
 *   <li>a missing token (case-insensitive; empty always counts) is {@link #MISSING};</li>
 *   <li>{@code true}/{@code false} in any case are 1/0;</li>
 *   <li>a decimal number equal to 0 or 1 ({@code 0}, {@code 1.0}, {@code 1e0}) is 0/1;</li>
 *   <li>anything else ({@code 2}, {@code 0.7}, {@code yes}, {@code Y}) is {@link #INVALID}.</li>
 * </ol>
 * Values already typed by a Parquet file go through the same rules: booleans as
 * true/false, whole numbers by their decimal digits, {@code NaN} and {@code null} as missing.
 */
public final class CellParser implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Code of a missing cell, equal to {@link ResponseMatrix#MISSING}. */
  public static final byte MISSING = ResponseMatrix.MISSING;

  /** Code of a cell that is neither a response nor a missing token. */
  public static final byte INVALID = -2;

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d{1,3})?");

  private final Set<String> missingTokens;
  private final Map<String, String> recoding;

  /**
   * @param options supplies the missing tokens and the recoding map
   */
  public CellParser(ReadOptions options) {
    this(options.missingTokens(), options.recoding());
  }

  private CellParser(List<String> missing, Map<String, String> recoding) {
    this.missingTokens = new HashSet<>();
    this.missingTokens.add("");
    for (String token : missing) {
      this.missingTokens.add(token.strip().toLowerCase(Locale.ROOT));
    }
    this.recoding = Map.copyOf(recoding);
  }

  /**
   * @param raw a cell as text, or {@code null} for an absent value
   * @return 0, 1, {@link #MISSING} or {@link #INVALID}
   */
  public byte code(String raw) {
    if (raw == null) {
      return MISSING;
    }
    String token = raw.strip();
    String replaced = recoding.get(token);
    if (replaced != null) {
      token = replaced;
    }

    // The common spellings first: parsing 10^8 rows must not build a BigDecimal per cell.
    if (token.equals("0")) {
      return 0;
    }
    if (token.equals("1")) {
      return 1;
    }
    return codeSlowly(token);
  }

  private byte codeSlowly(String token) {
    String lower = token.toLowerCase(Locale.ROOT);
    if (missingTokens.contains(lower)) {
      return MISSING;
    }
    if (lower.equals("true")) {
      return 1;
    }
    if (lower.equals("false")) {
      return 0;
    }
    if (!DECIMAL.matcher(token).matches()) {
      return INVALID;
    }
    BigDecimal number = new BigDecimal(token);
    if (number.signum() == 0) {
      return 0;
    }
    return number.compareTo(BigDecimal.ONE) == 0 ? 1 : INVALID;
  }

  /**
   * Codes a value read from a typed column (Parquet or a Spark row).
   *
   * @param value {@code null}, a {@link Boolean}, a {@link Number} or text
   * @return 0, 1, {@link #MISSING} or {@link #INVALID}
   */
  public byte code(Object value) {
    return code(asToken(value));
  }

  /**
   * The text a typed value is judged by, as shown in error messages.
   *
   * @param value {@code null}, a {@link Boolean}, a {@link Number} or text
   * @return the token, or {@code null} for {@code null}
   */
  public static String asToken(Object value) {
    if (value == null || value instanceof String) {
      return (String) value;
    }
    if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (Double.isNaN(number)) {
        return "NaN";
      }
      boolean whole = number == Math.rint(number) && Math.abs(number) < 1e15;
      return whole ? Long.toString((long) number) : Double.toString(number);
    }
    if (value instanceof BigDecimal) {
      return ((BigDecimal) value).stripTrailingZeros().toPlainString();
    }
    return value.toString();
  }
}
