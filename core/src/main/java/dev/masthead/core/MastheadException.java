package dev.masthead.core;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception that Masthead defines. It is unchecked: Masthead reports expected outcomes (a
 * form with field errors, a spam verdict, a rejected late event) as values and throws only when something is
 * wrong that the caller's code or its operator must fix.
 *
 * <p>Subtypes are named by who must act:
 * <ul>
 *   <li>{@link InvalidDataException}: the data handed to Masthead (a snapshot, a trained model, a JSON
 *       document) is malformed or corrupted; whoever produced that data must act. Nothing was loaded.</li>
 *   <li>{@link BackendUnavailableException}: a store or service that Masthead depends on at run time (for
 *       example Redis) failed; the operator must act.</li>
 * </ul>
 *
 * <p>Misuse of an API by the calling code (a null argument, a negative limit, a builder missing a required
 * value) is reported with the JDK's own {@link NullPointerException}, {@link IllegalArgumentException} and
 * {@link IllegalStateException}, as every Java library does; see {@code docs/decisions.md}.
 */
public abstract class MastheadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception.
   *
   * @param message what went wrong and what to do about it; never contains personal data
   * @param cause the underlying failure, or {@code null}
   */
  protected MastheadException(String message, @Nullable Throwable cause) {
    super(message, cause);
  }
}
