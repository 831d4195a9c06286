package dev.masthead.comments;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What the host knows about the client that posted a form: its IP address, its {@code User-Agent} header and
 * its {@code Referer} header. Spam checks read it; Masthead never logs it.
 *
 * <p>In a {@link CommentSubmission} the values are raw, as the host received them (any content, any length).
 * In a {@link Comment} they are normalized by the validator: the IP address in canonical form (or
 * {@code null} if it was not an IP literal), the user agent and referrer with control and invisible format
 * characters removed, trimmed, and cut to {@value #MAX_USER_AGENT_CODE_POINTS} and
 * {@value #MAX_REFERRER_CODE_POINTS} code points.
 *
 * <p>Immutable and thread-safe. {@link #toString()} does not reveal the values.
 *
 * @param ipAddress the client's IP address ({@code REMOTE_ADDR}), or {@code null} if unknown
 * @param userAgent the {@code User-Agent} header, or {@code null} if absent
 * @param referrer the {@code Referer} header, or {@code null} if absent
 */
public record ClientInfo(@Nullable String ipAddress, @Nullable String userAgent, @Nullable String referrer) {
  /**
   * The longest user agent kept in a {@link Comment}, in code points: 254, as WordPress's
   * {@code wp_new_comment}, which cuts {@code comment_agent} to 254 characters.
   */
  public static final int MAX_USER_AGENT_CODE_POINTS = 254;

  /** The longest referrer kept in a {@link Comment}, in code points: 2,048, a common URL length limit. */
  public static final int MAX_REFERRER_CODE_POINTS = 2_048;

  /** Client info with nothing known. */
  public static final ClientInfo UNKNOWN = new ClientInfo(null, null, null);

  /**
   * Returns the IP address, if known.
   *
   * @return the IP address
   */
  public Optional<String> ip() {
    return Optional.ofNullable(ipAddress);
  }

  /**
   * Describes which values are present, without revealing them.
   *
   * @return a description such as {@code ClientInfo[ipAddress=present, userAgent=absent, referrer=absent]}
   */
  @Override
  public String toString() {
    return "ClientInfo[ipAddress=" + presence(ipAddress) + ", userAgent=" + presence(userAgent)
        + ", referrer=" + presence(referrer) + "]";
  }

  static String presence(@Nullable String value) {
    return value == null ? "absent" : "present";
  }
}
