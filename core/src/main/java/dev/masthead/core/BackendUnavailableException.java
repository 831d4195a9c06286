package dev.masthead.core;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when a store or service that Masthead uses at run time (for example a Redis server behind a counter
 * store) fails or cannot be reached. The operator must act; the call had no effect unless its documentation
 * says otherwise.
 */
public class BackendUnavailableException extends MastheadException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message which backend failed and how; never contains personal data
   * @param cause the client library's exception, or {@code null}
   */
  public BackendUnavailableException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
