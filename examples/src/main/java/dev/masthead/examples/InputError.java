package dev.masthead.examples;

/**
 * A problem with an input file that the user must fix: a missing file, or a line that cannot be read where
 * reading must stop. Its message names the file (and the line, where there is one); the programs print it
 * without a stack trace.
 */
final class InputError extends Exception {
  private static final long serialVersionUID = 1L;

  InputError(String message) {
    super(message);
  }

  InputError(String message, Throwable cause) {
    super(message, cause);
  }
}
