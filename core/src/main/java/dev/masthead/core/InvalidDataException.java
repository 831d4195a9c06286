package dev.masthead.core;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when data handed to Masthead (a snapshot, a saved model, a JSON document) is malformed, truncated or
 * corrupted. Whoever produced the data must act; Masthead loaded none of it: a refused input is refused whole.
 */
public class InvalidDataException extends MastheadException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what is wrong with the data, for example the position of the first bad byte
   */
  public InvalidDataException(String message) {
    super(message, null);
  }

  /**
   * Creates an exception with a cause.
   *
   * @param message what is wrong with the data
   * @param cause the failure that revealed it, or {@code null}
   */
  public InvalidDataException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
