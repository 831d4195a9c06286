package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.util.List;

/**
 * Discards a comment whose honeypot field was filled in. The honeypot is a form field hidden from people
 * (with CSS, not {@code type="hidden"}) that naive bots fill like every other field; give it a plausible
 * name, {@code autocomplete="off"} and {@code tabindex="-1"}, so that browsers' autofill and keyboard users
 * leave it empty.
 *
 * <p>Any value, even white space, is a fill: signal {@code honeypot.filled} with a {@link Decision#DISCARD}
 * floor. Immutable and thread-safe.
 */
final class HoneypotCheck implements SpamCheck {
  private static final HoneypotCheck INSTANCE = new HoneypotCheck();

  private HoneypotCheck() {}

  /**
   * Returns the check.
   *
   * @return the check
   */
  public static HoneypotCheck create() {
    return INSTANCE;
  }

  @Override
  public String name() {
    return "honeypot";
  }

  @Override
  public Cost cost() {
    return Cost.TRIVIAL;
  }

  @Override
  public List<Signal> check(Comment comment, SpamContext context) {
    String value = context.honeypot();
    if (value == null || value.isEmpty()) {
      return List.of();
    }
    return List.of(Signal.floor(name(), "honeypot.filled", Decision.DISCARD,
        "The hidden honeypot field, which people cannot see, was filled in"));
  }

  @Override
  public String toString() {
    return "HoneypotCheck";
  }
}
