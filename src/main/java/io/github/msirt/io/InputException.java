package io.github.msirt.io;

/**
 * Bad input data or a bad input setting, with a one-line message that names the file, the
 * column and row where it applies, what is wrong and how to fix it.
 *
 * <p>The command line turns this exception into exit status 2 and prints its message.
 */
public final class InputException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message one line: where, what is wrong, and the remedy
   */
  public InputException(String message) {
    super(message);
  }

  /**
   * @param message one line: where, what is wrong, and the remedy
   * @param cause the underlying failure, for example an I/O error
   */
  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
