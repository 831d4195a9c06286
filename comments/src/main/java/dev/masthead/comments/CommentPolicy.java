package dev.masthead.comments;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules of a site's reply form: which fields are required, how long each may be, which HTML a comment may
 * use, how deep replies nest and when an article stops taking comments.
 *
 * <p>Every default is WordPress's, so that a site moving from WordPress keeps its behaviour:
 * <ul>
 *   <li>name and email required: {@code true}, as WordPress's {@code require_name_email} option;</li>
 *   <li>maximum lengths (name 245, email 100, URL 200, content 65,525), as WordPress's
 *       {@code wp_get_comment_fields_max_lengths()}; Masthead counts them in Unicode <em>code points</em>, so
 *       an emoji or a CJK character counts 1 (WordPress counts the database column's characters);</li>
 *   <li>minimum content length: 1 code point of visible text, as WordPress's "Please type your comment
 *       text" check;</li>
 *   <li>allowed HTML: WordPress's {@code $allowedtags} for comments, without the obsolete {@code acronym}:
 *       {@code a[href,title]}, {@code abbr[title]}, {@code b}, {@code blockquote[cite]}, {@code cite},
 *       {@code code}, {@code del[datetime]}, {@code em}, {@code i}, {@code q[cite]}, {@code s},
 *       {@code strike}, {@code strong};</li>
 *   <li>reply depth: 5 levels, as WordPress's {@code thread_comments_depth};</li>
 *   <li>closing old articles: off, as WordPress's {@code close_comments_for_old_posts} (whose
 *       {@code close_comments_days_old} is 14 days when turned on);</li>
 *   <li>a website without a scheme: {@link MissingScheme#ADD_HTTP}, as WordPress's {@code esc_url}, which
 *       prepends {@code http://};</li>
 *   <li>Unicode mailboxes (SMTPUTF8, RFC 6531: {@code jörg@bücher.example}): off, as WordPress's
 *       {@code is_email}, which accepts ASCII local parts only; internationalized domains are accepted either
 *       way and stored in punycode.</li>
 * </ul>
 *
 * <p>Each default is also a constant ({@code DEFAULT_…}), so that configuration binders (the Spring Boot
 * starter) can show and reuse it.
 *
 * <p>Immutable and thread-safe; built with {@link #builder()}, or {@link #defaults()}.
 */
public final class CommentPolicy {
  /** WordPress's {@code comment_author} column length. */
  public static final int DEFAULT_MAX_AUTHOR_LENGTH = 245;
  /** WordPress's {@code comment_author_email} column length. */
  public static final int DEFAULT_MAX_EMAIL_LENGTH = 100;
  /** WordPress's {@code comment_author_url} column length. */
  public static final int DEFAULT_MAX_URL_LENGTH = 200;
  /** WordPress's {@code comment_content} limit (a TEXT column of 65,535 bytes less 10). */
  public static final int DEFAULT_MAX_CONTENT_LENGTH = 65_525;
  /** WordPress's {@code thread_comments_depth} default. */
  public static final int DEFAULT_MAX_REPLY_DEPTH = 5;
  /** Whether name and email are required by default: {@value}, as WordPress's {@code require_name_email}. */
  public static final boolean DEFAULT_REQUIRE_NAME_AND_EMAIL = true;
  /** The default minimum content length: {@value} code point of visible text, as WordPress. */
  public static final int DEFAULT_MIN_CONTENT_LENGTH = 1;
  /** Whether Unicode local parts (SMTPUTF8, RFC 6531) are accepted by default: {@value}, as WordPress. */
  public static final boolean DEFAULT_SMTP_UTF8 = false;
  /** What happens to a website without a scheme by default: prepend {@code http://}, as WordPress's {@code esc_url}. */
  public static final MissingScheme DEFAULT_MISSING_SCHEME = MissingScheme.ADD_HTTP;
  /**
   * The HTML a comment may use by default, tag to attributes: WordPress's {@code $allowedtags} without
   * {@code acronym} (see the class description). Unmodifiable.
   */
  public static final Map<String, Set<String>> DEFAULT_ALLOWED_HTML = copy(Builder.wordPressAllowedTags());

  /** The attributes a policy may allow: harmless ones, and URL attributes whose schemes Masthead restricts. */
  static final Set<String> PERMITTED_ATTRIBUTES = Set.of(
      "href", "title", "cite", "datetime", "lang", "dir", "alt", "src", "width", "height", "colspan",
      "rowspan", "start", "reversed", "abbr", "scope", "span");

  /** Tags that can run script, load content, take input or escape the comment: never allowed. */
  static final Set<String> FORBIDDEN_TAGS = Set.of(
      "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "param", "svg", "math",
      "form", "input", "button", "select", "option", "textarea", "base", "link", "meta", "title", "head",
      "html", "body", "template", "noscript", "noembed", "noframes", "xmp", "plaintext", "listing", "slot",
      "portal", "audio", "video", "source", "track", "canvas", "dialog", "details", "marquee");

  private static final CommentPolicy DEFAULTS = builder().build();
  private final boolean smtpUtf8;

  private final boolean requireNameAndEmail;
  private final int maxAuthorLength;
  private final int maxEmailLength;
  private final int maxUrlLength;
  private final int maxContentLength;
  private final int minContentLength;
  private final Map<String, Set<String>> allowedHtml;
  private final int maxReplyDepth;
  private final @Nullable Duration closeCommentsAfter;
  private final MissingScheme missingScheme;

  private CommentPolicy(Builder b) {
    this.requireNameAndEmail = b.requireNameAndEmail;
    this.maxAuthorLength = b.maxAuthorLength;
    this.maxEmailLength = b.maxEmailLength;
    this.maxUrlLength = b.maxUrlLength;
    this.maxContentLength = b.maxContentLength;
    this.minContentLength = b.minContentLength;
    this.allowedHtml = copy(b.allowedHtml);
    this.maxReplyDepth = b.maxReplyDepth;
    this.closeCommentsAfter = b.closeCommentsAfter;
    this.missingScheme = b.missingScheme;
    this.smtpUtf8 = b.smtpUtf8;
  }

  /**
   * Tells whether email addresses may have a Unicode local part (SMTPUTF8, RFC 6531), such as
   * {@code jörg@bücher.example}.
   *
   * @return default {@code false}, as WordPress
   */
  public boolean smtpUtf8() {
    return smtpUtf8;
  }

  /**
   * Returns the policy with every default (see the class description).
   *
   * @return the default policy
   */
  public static CommentPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * Returns a builder holding every default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Tells whether name and email are required.
   *
   * @return default {@code true}, as WordPress's {@code require_name_email}
   */
  public boolean requireNameAndEmail() {
    return requireNameAndEmail;
  }

  /**
   * Returns the longest name accepted, after normalization.
   *
   * @return code points; default 245, as WordPress
   */
  public int maxAuthorLengthCodePoints() {
    return maxAuthorLength;
  }

  /**
   * Returns the longest email accepted, after normalization (before punycode conversion).
   *
   * @return code points; default 100, as WordPress
   */
  public int maxEmailLengthCodePoints() {
    return maxEmailLength;
  }

  /**
   * Returns the longest website accepted, after normalization (before scheme completion and encoding).
   *
   * @return code points; default 200, as WordPress
   */
  public int maxUrlLengthCodePoints() {
    return maxUrlLength;
  }

  /**
   * Returns the longest comment accepted, as typed (normalized, before sanitizing).
   *
   * @return code points; default 65,525, as WordPress
   */
  public int maxContentLengthCodePoints() {
    return maxContentLength;
  }

  /**
   * Returns the shortest comment accepted, counted on its visible plain text.
   *
   * @return code points; default 1
   */
  public int minContentLengthCodePoints() {
    return minContentLength;
  }

  /**
   * Returns the HTML a comment may use.
   *
   * @return an unmodifiable map from lower-case tag name to its allowed attributes, in insertion order
   */
  public Map<String, Set<String>> allowedHtml() {
    return allowedHtml;
  }

  /**
   * Returns the deepest nesting a reply may have (a top-level comment is level 1).
   *
   * @return levels; default 5, as WordPress's {@code thread_comments_depth}
   */
  public int maxReplyDepth() {
    return maxReplyDepth;
  }

  /**
   * Returns how long after publication an article keeps taking comments.
   *
   * @return the span, or empty (the default) if articles never close by age
   */
  public Optional<Duration> closeCommentsAfter() {
    return Optional.ofNullable(closeCommentsAfter);
  }

  /**
   * Returns what happens to a website given without a scheme ({@code example.com/blog}).
   *
   * @return default {@link MissingScheme#ADD_HTTP}, as WordPress's {@code esc_url}
   */
  public MissingScheme missingScheme() {
    return missingScheme;
  }

  @Override
  public String toString() {
    return "CommentPolicy[requireNameAndEmail=" + requireNameAndEmail + ", maxAuthorLengthCodePoints="
        + maxAuthorLength + ", maxEmailLengthCodePoints=" + maxEmailLength + ", maxUrlLengthCodePoints="
        + maxUrlLength + ", maxContentLengthCodePoints=" + maxContentLength + ", minContentLengthCodePoints="
        + minContentLength + ", allowedHtml=" + allowedHtml + ", maxReplyDepth=" + maxReplyDepth
        + ", closeCommentsAfter=" + closeCommentsAfter + ", missingScheme=" + missingScheme + ", smtpUtf8=" + smtpUtf8
        + "]";
  }

  private static Map<String, Set<String>> copy(Map<String, Set<String>> source) {
    Map<String, Set<String>> copy = new LinkedHashMap<>();
    source.forEach((tag, attributes) -> copy.put(tag, java.util.Collections.unmodifiableSet(
        new LinkedHashSet<>(attributes))));
    return java.util.Collections.unmodifiableMap(copy);
  }

  /** What to do with a website given without a scheme, such as {@code example.com/blog}. */
  public enum MissingScheme {
    /** Prepend {@code http://}, as WordPress's {@code esc_url} does (the default). */
    ADD_HTTP,
    /** Prepend {@code https://}. */
    ADD_HTTPS,
    /** Refuse it with {@link ErrorCode#URL_INVALID}. */
    REJECT
  }

  /**
   * Builds a {@link CommentPolicy}. Starts from every default; each setter validates its value at once.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private boolean requireNameAndEmail = DEFAULT_REQUIRE_NAME_AND_EMAIL;
    private boolean smtpUtf8 = DEFAULT_SMTP_UTF8;
    private int maxAuthorLength = DEFAULT_MAX_AUTHOR_LENGTH;
    private int maxEmailLength = DEFAULT_MAX_EMAIL_LENGTH;
    private int maxUrlLength = DEFAULT_MAX_URL_LENGTH;
    private int maxContentLength = DEFAULT_MAX_CONTENT_LENGTH;
    private int minContentLength = DEFAULT_MIN_CONTENT_LENGTH;
    private Map<String, Set<String>> allowedHtml = wordPressAllowedTags();
    private int maxReplyDepth = DEFAULT_MAX_REPLY_DEPTH;
    private @Nullable Duration closeCommentsAfter;
    private MissingScheme missingScheme = DEFAULT_MISSING_SCHEME;

    private Builder() {}

    /**
     * Sets whether name and email are required.
     *
     * @param required default {@code true}
     * @return this builder
     */
    public Builder requireNameAndEmail(boolean required) {
      this.requireNameAndEmail = required;
      return this;
    }

    /**
     * Sets the longest name accepted.
     *
     * @param codePoints at least 1; default 245
     * @return this builder
     * @throws IllegalArgumentException if {@code codePoints} is less than 1
     */
    public Builder maxAuthorLengthCodePoints(int codePoints) {
      this.maxAuthorLength = positive("maxAuthorLengthCodePoints", codePoints);
      return this;
    }

    /**
     * Sets the longest email accepted. Whatever this limit, an address longer than 254 characters in ASCII
     * form is invalid (RFC 5321's path limit).
     *
     * @param codePoints at least 1; default 100
     * @return this builder
     * @throws IllegalArgumentException if {@code codePoints} is less than 1
     */
    public Builder maxEmailLengthCodePoints(int codePoints) {
      this.maxEmailLength = positive("maxEmailLengthCodePoints", codePoints);
      return this;
    }

    /**
     * Sets the longest website accepted.
     *
     * @param codePoints at least 1; default 200
     * @return this builder
     * @throws IllegalArgumentException if {@code codePoints} is less than 1
     */
    public Builder maxUrlLengthCodePoints(int codePoints) {
      this.maxUrlLength = positive("maxUrlLengthCodePoints", codePoints);
      return this;
    }

    /**
     * Sets the longest comment accepted.
     *
     * @param codePoints at least 1; default 65,525
     * @return this builder
     * @throws IllegalArgumentException if {@code codePoints} is less than 1
     */
    public Builder maxContentLengthCodePoints(int codePoints) {
      this.maxContentLength = positive("maxContentLengthCodePoints", codePoints);
      return this;
    }

    /**
     * Sets the shortest comment accepted, counted on its visible plain text.
     *
     * @param codePoints at least 1; default 1
     * @return this builder
     * @throws IllegalArgumentException if {@code codePoints} is less than 1
     */
    public Builder minContentLengthCodePoints(int codePoints) {
      this.minContentLength = positive("minContentLengthCodePoints", codePoints);
      return this;
    }

    /**
     * Replaces the HTML a comment may use. Tags outside the map are removed (their text is kept, except for
     * elements whose content is not text, such as {@code script}); attributes outside a tag's set are
     * removed. URL attributes ({@code href}, {@code src}, {@code cite}) keep only {@code http} and
     * {@code https} URLs, and {@code href} also {@code mailto}. Every {@code a} gets
     * {@code rel="nofollow ugc noopener"}.
     *
     * @param tagsToAttributes lower-case tag names to lower-case attribute names; may be empty (text only)
     * @return this builder
     * @throws NullPointerException if the map, a key or a set is null
     * @throws IllegalArgumentException naming the value if a tag name is not a plain lower-case HTML name or
     *     is a tag that can run script, embed content or take input ({@code script}, {@code style},
     *     {@code iframe}, {@code svg}, {@code form}…), or if an attribute is not one of {@code href, title,
     *     cite, datetime, lang, dir, alt, src, width, height, colspan, rowspan, start, reversed, abbr, scope,
     *     span} (event handlers such as {@code onclick} and {@code style} are never allowed)
     */
    public Builder allowedHtml(Map<String, Set<String>> tagsToAttributes) {
      Objects.requireNonNull(tagsToAttributes, "tagsToAttributes");
      Map<String, Set<String>> checked = new LinkedHashMap<>();
      tagsToAttributes.forEach((tag, attributes) -> {
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(attributes, "attributes of " + tag);
        if (!isHtmlName(tag)) {
          throw new IllegalArgumentException("allowedHtml: not a lower-case HTML tag name: \"" + tag + "\"");
        }
        if (FORBIDDEN_TAGS.contains(tag)) {
          throw new IllegalArgumentException("allowedHtml: tag <" + tag + "> can never be allowed in comments");
        }
        for (String attribute : attributes) {
          Objects.requireNonNull(attribute, "attribute of " + tag);
          if (!PERMITTED_ATTRIBUTES.contains(attribute)) {
            throw new IllegalArgumentException(
                "allowedHtml: attribute \"" + attribute + "\" of <" + tag + "> can not be allowed in comments");
          }
        }
        checked.put(tag, new LinkedHashSet<>(attributes));
      });
      this.allowedHtml = checked;
      return this;
    }

    /**
     * Sets the deepest nesting a reply may have; a top-level comment is level 1, so 1 forbids replies.
     *
     * @param levels at least 1; default 5
     * @return this builder
     * @throws IllegalArgumentException if {@code levels} is less than 1
     */
    public Builder maxReplyDepth(int levels) {
      this.maxReplyDepth = positive("maxReplyDepth", levels);
      return this;
    }

    /**
     * Closes an article to comments once this span has passed since its publication
     * ({@link dev.masthead.core.Article#publishedAt()}). WordPress's equivalent, when turned on, is 14 days.
     *
     * @param span positive, or {@code null} to never close by age (the default)
     * @return this builder
     * @throws IllegalArgumentException if {@code span} is zero or negative
     */
    public Builder closeCommentsAfter(@Nullable Duration span) {
      if (span != null && (span.isZero() || span.isNegative())) {
        throw new IllegalArgumentException("closeCommentsAfter must be positive, was " + span);
      }
      this.closeCommentsAfter = span;
      return this;
    }

    /**
     * Sets whether email addresses may have a Unicode local part (SMTPUTF8, RFC 6531): letters, marks and
     * digits of any script besides the ASCII ones, at most 64 bytes in UTF-8, as {@code jörg@bücher.example}.
     * The local part is kept as written (NFC); the domain is stored in punycode either way. Off, only ASCII
     * local parts are accepted, as WordPress's {@code is_email}; turn it on only if the site's mail system
     * sends with SMTPUTF8.
     *
     * @param enabled default {@value CommentPolicy#DEFAULT_SMTP_UTF8}
     * @return this builder
     */
    public Builder smtpUtf8(boolean enabled) {
      this.smtpUtf8 = enabled;
      return this;
    }

    /**
     * Sets what happens to a website given without a scheme.
     *
     * @param handling default {@link MissingScheme#ADD_HTTP}
     * @return this builder
     * @throws NullPointerException if {@code handling} is null
     */
    public Builder missingScheme(MissingScheme handling) {
      this.missingScheme = Objects.requireNonNull(handling, "missingScheme");
      return this;
    }

    /**
     * Returns the policy.
     *
     * @return a new immutable policy
     * @throws IllegalStateException if the minimum content length exceeds the maximum
     */
    public CommentPolicy build() {
      if (minContentLength > maxContentLength) {
        throw new IllegalStateException("minContentLengthCodePoints (" + minContentLength
            + ") exceeds maxContentLengthCodePoints (" + maxContentLength + ")");
      }
      return new CommentPolicy(this);
    }

    private static int positive(String name, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(name + " must be at least 1, was " + value);
      }
      return value;
    }

    private static boolean isHtmlName(String tag) {
      if (tag.isEmpty() || tag.length() > 16 || tag.charAt(0) < 'a' || tag.charAt(0) > 'z') {
        return false;
      }
      for (int i = 0; i < tag.length(); i++) {
        char c = tag.charAt(i);
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
          return false;
        }
      }
      return tag.equals(tag.toLowerCase(Locale.ROOT));
    }

    static Map<String, Set<String>> wordPressAllowedTags() {
      Map<String, Set<String>> tags = new LinkedHashMap<>();
      tags.put("a", attributes("href", "title"));
      tags.put("abbr", attributes("title"));
      tags.put("b", attributes());
      tags.put("blockquote", attributes("cite"));
      tags.put("cite", attributes());
      tags.put("code", attributes());
      tags.put("del", attributes("datetime"));
      tags.put("em", attributes());
      tags.put("i", attributes());
      tags.put("q", attributes("cite"));
      tags.put("s", attributes());
      tags.put("strike", attributes());
      tags.put("strong", attributes());
      return tags;
    }

    private static Set<String> attributes(String... names) {
      return new LinkedHashSet<>(java.util.Arrays.asList(names));
    }
  }
}
