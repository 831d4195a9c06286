package dev.masthead.redis;

import dev.masthead.core.BackendUnavailableException;
import io.lettuce.core.RedisCommandTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.jspecify.annotations.Nullable;

/** Turns what Lettuce and the scripts report into Masthead's exceptions, with messages an operator can act on. */
final class RedisErrors {
  /** Error replies of Masthead's scripts start with one of these. */
  static final String NO_META = "MASTHEAD-NOMETA";
  static final String LAYOUT = "MASTHEAD-LAYOUT";
  static final String WRONG_TYPE = "MASTHEAD-WRONGTYPE";
  static final String VERSION = "MASTHEAD-VERSION";

  private RedisErrors() {}

  /** The exception inside a future's wrapper. */
  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  /** The script's own error code if {@code t} is one of Masthead's error replies, else null. */
  static @Nullable String scriptError(Throwable t) {
    String m = unwrap(t).getMessage();
    if (m == null) {
      return null;
    }
    for (String code : new String[] {NO_META, LAYOUT, WRONG_TYPE, VERSION}) {
      if (m.contains(code)) {
        return code;
      }
    }
    return null;
  }

  /** The text after a script error code, or the whole message. */
  static String detail(Throwable t, String code) {
    String m = String.valueOf(unwrap(t).getMessage());
    int i = m.indexOf(code);
    return i < 0 ? m : m.substring(i + code.length()).trim();
  }

  /** A {@link BackendUnavailableException} naming what failed and where, wrapping Lettuce's exception. */
  static BackendUnavailableException backend(String what, RedisConnection connection, Throwable t) {
    Throwable c = unwrap(t);
    if (c instanceof BackendUnavailableException b) {
      return b;
    }
    String how = c instanceof RedisCommandTimeoutException
        ? "timed out after " + connection.commandTimeout().toMillis() + " ms"
        : c.getClass().getSimpleName() + ": " + c.getMessage();
    return new BackendUnavailableException(what + " failed on Redis at " + connection.description() + ": " + how, c);
  }
}
