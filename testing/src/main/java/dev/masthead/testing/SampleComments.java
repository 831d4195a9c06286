package dev.masthead.testing;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Reader comments for tests, written for the project: one well-formed reply as a form posts it, and short
 * comment texts a moderator would approve (ham) or mark as spam. Plain values, so that this module needs only
 * core; a comments test turns a {@link Reply} into a submission field by field.
 *
 * <p>Thread-safe (stateless; the lists are unmodifiable).
 */
public final class SampleComments {
  private static final List<String> HAM = List.of(
      "the council vote was closer than expected",
      "thanks for the clear reporting on the bridge",
      "my street flooded again last night",
      "congratulations to the runners",
      "will the state share the cost");

  private static final List<String> SPAM = List.of(
      "check out my channel and subscribe",
      "earn money from home click here",
      "visit my site for free followers",
      "cheap pills without prescription",
      "make money fast with this trick");

  private SampleComments() {}

  /**
   * A reply as the reader's browser posts it; every value raw, as the form sends it.
   *
   * @param authorName the name field
   * @param authorEmail the email field
   * @param authorUrl the website field, or {@code null} when left empty
   * @param content the comment field, plain text
   * @param ipAddress the client's address, a documentation address (RFC 5737)
   * @param userAgent the browser's {@code User-Agent}
   * @param referrer the page the form was on
   */
  public record Reply(String authorName, String authorEmail, @Nullable String authorUrl, String content,
      String ipAddress, String userAgent, String referrer) {
    /**
     * Checks that every value but {@code authorUrl} is present.
     *
     * @throws NullPointerException if a value other than {@code authorUrl} is null
     */
    public Reply {
      Objects.requireNonNull(authorName, "authorName");
      Objects.requireNonNull(authorEmail, "authorEmail");
      Objects.requireNonNull(content, "content");
      Objects.requireNonNull(ipAddress, "ipAddress");
      Objects.requireNonNull(userAgent, "userAgent");
      Objects.requireNonNull(referrer, "referrer");
    }
  }

  /**
   * Returns a reply that every default rule of the comment validator accepts and no built-in spam check
   * flags: a name, a plus-free email, an https website, one sentence without links, from 203.0.113.7 in a
   * desktop browser.
   *
   * @return the reply
   */
  public static Reply reply() {
    return new Reply("Ada Lovelace", "ada@example.org", "https://example.org/ada", "A fine report, thank you.",
        "203.0.113.7", "Mozilla/5.0 (X11; Linux x86_64)", "https://news.example.com/2026/03/a-story");
  }

  /**
   * Returns comment texts a moderator approves: short remarks on local news, no links.
   *
   * @return five texts, unmodifiable
   */
  public static List<String> ham() {
    return HAM;
  }

  /**
   * Returns comment texts a moderator marks as spam: self-promotion and offers, no links.
   *
   * @return five texts, unmodifiable
   */
  public static List<String> spam() {
    return SPAM;
  }
}
