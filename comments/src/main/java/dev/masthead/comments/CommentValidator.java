package dev.masthead.comments;

import dev.masthead.comments.links.LinkFinder;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.ArticleLookup;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reply form's gatekeeper: turns a {@link CommentSubmission} into a clean {@link Comment}, or into every
 * {@link FieldError} at once.
 *
 * <pre>{@code
 * CommentValidator validator = CommentValidator.builder()
 *     .policy(CommentPolicy.defaults())
 *     .articles(catalog::find)
 *     .parents(id -> comments.find(id).map(c -> new ParentLookup.Parent(c.articleId(), c.approved(), c.depth())))
 *     .build();
 * ValidationResult result = validator.validate(submission);
 * }</pre>
 *
 * <h2>What {@link #validate} does, field by field</h2>
 * <ol>
 *   <li><b>Normalization.</b> Name, email, website and ids: control characters, invisible format characters
 *       (zero-width space and joiners, U+FEFF, bidi overrides and isolates, tag characters), other
 *       default-ignorable code points (fillers, variation selectors) and lone surrogates are removed; all
 *       white space becomes a space; Unicode NFC; trimmed; in the name, runs of white space become one space.
 *       Content: line endings become {@code \n}; control characters other than tab and line feed, lone
 *       surrogates and U+FEFF are removed; NFC; trimmed; emoji (with their joiners and variation selectors) and
 *       every script are kept, and so are bidirectional marks a right-to-left writer may need: each paragraph
 *       of the HTML is its own block, so their effect ends with the paragraph.</li>
 *   <li><b>Lengths</b>, in code points of the normalized value, before any expensive step; a value is dropped
 *       as soon as it is certainly over its limit, so cost stays linear in the limit, not the input.</li>
 *   <li><b>Article</b>: the id must be a well-formed {@link ArticleId} of an article the {@link ArticleLookup}
 *       finds and that is visible at the submission time ({@link Article#isVisibleAt}; {@code article.not_found}
 *       otherwise, so a draft's existence is not revealed), open for comments
 *       ({@link ArticleLookup#commentsOpen}) and, if the policy closes old articles, published less than
 *       {@link CommentPolicy#closeCommentsAfter()} before the submission time ({@code article.closed}).</li>
 *   <li><b>Parent</b> (only for a reply: a parent id other than blank or {@code "0"}): known to the
 *       {@link ParentLookup} and on the same article ({@code parent.not_found}), approved
 *       ({@code parent.not_approved}), and the reply's depth (parent's depth + 1) within
 *       {@link CommentPolicy#maxReplyDepth()} ({@code parent.too_deep}).</li>
 *   <li><b>Name</b>: required if the policy says so ({@code author.required}); at most the policy's length
 *       ({@code author.too_long}). A name is plain text and is never parsed as HTML.</li>
 *   <li><b>Email</b>: required if the policy says so; the practical RFC 5321/5322 subset: one {@code @}, a
 *       local part of at most 64 ASCII {@code atext} characters and dots (no leading, trailing or doubled
 *       dot; plus-addressing accepted), a domain of two labels or more (internationalized domains stored in
 *       punycode, lower case), at most 254 characters in all; white space, quotes and the
 *       {@code Name <addr>} form are refused (a {@code +} that arrived as a space is not repaired). With
 *       {@link CommentPolicy#smtpUtf8()} the local part may also hold letters, marks and digits of any script
 *       (RFC 6531), its limits counted in UTF-8 bytes. Checked by a linear scan; no regular expression.</li>
 *   <li><b>Website</b> (optional): {@code http} or {@code https} only; a missing scheme handled as
 *       {@link CommentPolicy#missingScheme()} says; a host name of two labels or more (internationalized
 *       names in punycode) or an IPv4 address; no user info, no white space; path case kept, characters a URI
 *       may not hold percent-encoded.</li>
 *   <li><b>Content</b>: sanitized with jsoup (allowed tags only, http/https/mailto links with
 *       {@code rel="nofollow ugc noopener"}, text escaped, paragraphs as {@code <p>}, single line breaks as
 *       {@code <br>}); must have visible text ({@code content.required}) of at least the policy's minimum
 *       ({@code content.too_short}).</li>
 *   <li><b>Client info</b> is never a reason to refuse: the IP address is kept if it is an IPv4 or IPv6
 *       literal (canonical form), the user agent and referrer are normalized like a single-line field and cut
 *       to {@value ClientInfo#MAX_USER_AGENT_CODE_POINTS} and {@value ClientInfo#MAX_REFERRER_CODE_POINTS} code
 *       points.</li>
 * </ol>
 *
 * <p>Errors are reported in {@link Field} order. The host's lookups are called for any well-formed id, even
 * when other fields are invalid, so that every error is reported at once.
 *
 * <p>Immutable and thread-safe once built; {@link #validate} may be called from any number of threads.
 */
public final class CommentValidator {
  /** The longest parent id passed to a {@link ParentLookup}, in UTF-16 chars; a longer one is not found. */
  public static final int MAX_PARENT_ID_LENGTH = 256;

  private static final Logger LOG = LoggerFactory.getLogger(CommentValidator.class);

  private final CommentPolicy policy;
  private final ArticleLookup articles;
  private final ParentLookup parents;
  private final InstantSource clock;
  private final ContentSanitizer sanitizer;
  private final @Nullable Consumer<? super ValidationResult> listener;

  private CommentValidator(Builder builder, ArticleLookup articles) {
    this.listener = builder.listener;
    this.policy = builder.policy;
    this.articles = articles;
    this.parents = builder.parents;
    this.clock = builder.clock;
    this.sanitizer = new ContentSanitizer(policy.allowedHtml());
  }

  /**
   * Returns a builder.
   *
   * @return a new builder with the default policy, no known parent comments and the system clock
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the policy this validator applies.
   *
   * @return the policy
   */
  public CommentPolicy policy() {
    return policy;
  }

  /**
   * Validates, normalizes and sanitizes a submission. Any content of any length in any field gives a result,
   * never an exception.
   *
   * @param submission the form as received
   * @return {@link ValidationResult.Valid} with the comment, or {@link ValidationResult.Invalid} with every
   *     error in {@link Field} order
   * @throws NullPointerException if {@code submission} is null
   * @throws RuntimeException whatever the host's {@link ArticleLookup} or {@link ParentLookup} throws,
   *     unchanged
   */
  public ValidationResult validate(CommentSubmission submission) {
    Objects.requireNonNull(submission, "submission");
    List<FieldError> errors = new ArrayList<>(4);
    Instant now = submission.submittedAt() != null ? submission.submittedAt() : clock.instant();

    ArticleId articleId = checkArticle(submission.articleId(), now, errors);
    String parentId = checkParent(submission.parentId(), articleId, errors);
    String name = checkName(submission.authorName(), errors);
    String email = checkEmail(submission.authorEmail(), errors);
    URI url = checkUrl(submission.authorUrl(), errors);
    ContentSanitizer.Sanitized content = checkContent(submission.content(), errors);

    if (!errors.isEmpty()) {
      errors.sort(Comparator.comparing(FieldError::field));
      if (LOG.isDebugEnabled()) {
        LOG.debug("Comment refused: {}", errors.stream().map(e -> e.code().code()).toList());
      }
      return told(new ValidationResult.Invalid(errors));
    }
    Comment comment = new Comment(
        Objects.requireNonNull(articleId),
        parentId,
        Objects.requireNonNull(name),
        Objects.requireNonNull(email),
        url,
        SafeHtml.sanitized(Objects.requireNonNull(content).html()),
        content.text(),
        LinkFinder.find(content.links(), content.text()),
        client(submission.client()),
        now);
    return told(new ValidationResult.Valid(comment));
  }

  private @Nullable ArticleId checkArticle(@Nullable String raw, Instant now, List<FieldError> errors) {
    FieldText.Normalized id = FieldText.singleLine(raw, ArticleId.MAX_LENGTH, false);
    if (id.tooLong() || id.value().isEmpty() || id.value().length() > ArticleId.MAX_LENGTH) {
      errors.add(FieldError.of(ErrorCode.ARTICLE_NOT_FOUND));
      return null;
    }
    ArticleId articleId = new ArticleId(id.value());
    Optional<Article> article = articles.find(articleId);
    if (article.isEmpty() || !article.get().isVisibleAt(now)) {
      errors.add(FieldError.of(ErrorCode.ARTICLE_NOT_FOUND));
    } else if (!articles.commentsOpen(article.get()) || closedByAge(article.get(), now)) {
      errors.add(FieldError.of(ErrorCode.ARTICLE_CLOSED));
    }
    return articleId;
  }

  private boolean closedByAge(Article article, Instant now) {
    Optional<Duration> span = policy.closeCommentsAfter();
    Instant published = article.publishedAt();
    if (span.isEmpty() || published == null) {
      return false;
    }
    Duration age = Duration.between(published, now);
    return age.compareTo(span.get()) >= 0;
  }

  private @Nullable String checkParent(@Nullable String raw, @Nullable ArticleId articleId,
      List<FieldError> errors) {
    FieldText.Normalized id = FieldText.singleLine(raw, MAX_PARENT_ID_LENGTH, false);
    if (!id.tooLong() && (id.value().isEmpty() || id.value().equals("0"))) {
      return null;
    }
    if (id.tooLong() || id.value().length() > MAX_PARENT_ID_LENGTH) {
      errors.add(FieldError.of(ErrorCode.PARENT_NOT_FOUND));
      return null;
    }
    Optional<ParentLookup.Parent> parent = parents.find(id.value());
    if (parent.isEmpty() || (articleId != null && !parent.get().articleId().equals(articleId))) {
      errors.add(FieldError.of(ErrorCode.PARENT_NOT_FOUND));
    } else if (!parent.get().approved()) {
      errors.add(FieldError.of(ErrorCode.PARENT_NOT_APPROVED));
    } else if ((long) parent.get().depth() + 1 > policy.maxReplyDepth()) {
      errors.add(FieldError.of(ErrorCode.PARENT_TOO_DEEP, policy.maxReplyDepth()));
    }
    return id.value();
  }

  private @Nullable String checkName(@Nullable String raw, List<FieldError> errors) {
    int max = policy.maxAuthorLengthCodePoints();
    FieldText.Normalized name = FieldText.singleLine(raw, max, true);
    if (name.tooLong()) {
      errors.add(FieldError.of(ErrorCode.AUTHOR_TOO_LONG, max));
      return null;
    }
    if (name.value().isEmpty() && policy.requireNameAndEmail()) {
      errors.add(FieldError.of(ErrorCode.AUTHOR_REQUIRED));
      return null;
    }
    return name.value();
  }

  private @Nullable String checkEmail(@Nullable String raw, List<FieldError> errors) {
    int max = policy.maxEmailLengthCodePoints();
    FieldText.Normalized email = FieldText.singleLine(raw, max, false);
    if (email.tooLong()) {
      errors.add(FieldError.of(ErrorCode.EMAIL_TOO_LONG, max));
      return null;
    }
    if (email.value().isEmpty()) {
      if (policy.requireNameAndEmail()) {
        errors.add(FieldError.of(ErrorCode.EMAIL_REQUIRED));
        return null;
      }
      return "";
    }
    String address = EmailAddress.normalize(email.value(), policy.smtpUtf8());
    if (address == null) {
      errors.add(FieldError.of(ErrorCode.EMAIL_INVALID));
    }
    return address;
  }

  private @Nullable URI checkUrl(@Nullable String raw, List<FieldError> errors) {
    int max = policy.maxUrlLengthCodePoints();
    FieldText.Normalized url = FieldText.singleLine(raw, max, false);
    if (url.tooLong()) {
      errors.add(FieldError.of(ErrorCode.URL_TOO_LONG, max));
      return null;
    }
    if (url.value().isEmpty()) {
      return null;
    }
    URI uri = WebsiteUrl.normalize(url.value(), policy.missingScheme());
    if (uri == null) {
      errors.add(FieldError.of(ErrorCode.URL_INVALID));
    }
    return uri;
  }

  private ContentSanitizer.@Nullable Sanitized checkContent(@Nullable String raw, List<FieldError> errors) {
    int max = policy.maxContentLengthCodePoints();
    FieldText.Normalized content = FieldText.content(raw, max);
    if (content.tooLong()) {
      errors.add(FieldError.of(ErrorCode.CONTENT_TOO_LONG, max));
      return null;
    }
    if (!FieldText.hasVisible(content.value())) {
      errors.add(FieldError.of(ErrorCode.CONTENT_REQUIRED));
      return null;
    }
    ContentSanitizer.Sanitized sanitized = sanitizer.sanitize(content.value());
    if (!FieldText.hasVisible(sanitized.text())) {
      errors.add(FieldError.of(ErrorCode.CONTENT_REQUIRED));
      return null;
    }
    String text = sanitized.text();
    if (text.codePointCount(0, text.length()) < policy.minContentLengthCodePoints()) {
      errors.add(FieldError.of(ErrorCode.CONTENT_TOO_SHORT, policy.minContentLengthCodePoints()));
      return null;
    }
    return sanitized;
  }

  private static ClientInfo client(ClientInfo raw) {
    return new ClientInfo(
        ipAddress(raw.ipAddress()),
        header(raw.userAgent(), ClientInfo.MAX_USER_AGENT_CODE_POINTS, true),
        header(raw.referrer(), ClientInfo.MAX_REFERRER_CODE_POINTS, false));
  }

  /**
   * A header value normalized like a single-line field and cut to {@code maxCodePoints}, or null if empty.
   * Only a bounded prefix of the raw value is read, so a huge header costs no more than a short one.
   */
  private static @Nullable String header(@Nullable String raw, int maxCodePoints, boolean collapse) {
    if (raw == null) {
      return null;
    }
    String prefix = raw.length() > 4 * maxCodePoints ? raw.substring(0, 4 * maxCodePoints) : raw;
    String value = FieldText.truncate(FieldText.singleLine(prefix, Integer.MAX_VALUE, collapse).value(), maxCodePoints);
    return value.isEmpty() ? null : value;
  }

  /** An IPv4 or IPv6 literal in canonical form, or null; never a DNS lookup. */
  private ValidationResult told(ValidationResult result) {
    Consumer<? super ValidationResult> l = listener;
    if (l != null) {
      try {
        l.accept(result);
      } catch (RuntimeException e) {
        LOG.warn("comment validation listener failed ({}); the result stands", e.getClass().getName());
      }
    }
    return result;
  }

  static @Nullable String ipAddress(@Nullable String raw) {
    if (raw == null || raw.length() > 64) {
      return null;
    }
    String value = raw.strip();
    if (value.startsWith("[") && value.endsWith("]")) {
      value = value.substring(1, value.length() - 1);
    }
    if (WebsiteUrl.isIpv4(value)) {
      return value;
    }
    if (value.indexOf(':') < 0) {
      return null;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex && c != ':' && c != '.') {
        return null;
      }
    }
    char first = value.charAt(0);
    if (!(first == ':' || Character.digit(first, 16) >= 0)) {
      return null; // InetAddress takes a text as a literal only if it starts so; anything else it would resolve
    }
    try {
      // Starting with a hex digit or ':', and with only hex digits, dots and colons, InetAddress parses a
      // literal and never resolves.
      return InetAddress.getByName(value).getHostAddress();
    } catch (UnknownHostException e) {
      return null;
    }
  }

  /**
   * Builds a {@link CommentValidator}. An {@link ArticleLookup} is required; everything else has a default.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {
    private CommentPolicy policy = CommentPolicy.defaults();
    private @Nullable ArticleLookup articles;
    private ParentLookup parents = ParentLookup.NONE;
    private InstantSource clock = InstantSource.system();
    private @Nullable Consumer<? super ValidationResult> listener;

    private Builder() {}

    /**
     * Sets a listener told of every result {@link #build() the validator} gives (default none), for metrics
     * such as {@code masthead-micrometer}'s. It is called on the validating thread, after the result is made
     * and before it is returned, so it must be quick and must not block; what it throws is logged at WARN (the
     * exception's class only) and the result is returned all the same. It sees the comment's text and the
     * commenter's address: a listener that records anything must keep to bounded values (the field and the
     * error code), never those.
     *
     * @param listener the listener, safe for concurrent use
     * @return this builder
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder listener(Consumer<? super ValidationResult> listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Sets the policy.
     *
     * @param policy default {@link CommentPolicy#defaults()}
     * @return this builder
     * @throws NullPointerException if {@code policy} is null
     */
    public Builder policy(CommentPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the host's article catalog. Required.
     *
     * @param articles the host's article lookup, safe for concurrent use; called once per submission with a
     *     well-formed article id
     * @return this builder
     * @throws NullPointerException if {@code articles} is null
     */
    public Builder articles(ArticleLookup articles) {
      this.articles = Objects.requireNonNull(articles, "articles");
      return this;
    }

    /**
     * Sets how parent comments are found.
     *
     * @param parents the host's comment lookup, safe for concurrent use; default {@link ParentLookup#NONE}
     *     (every reply refused with {@code parent.not_found})
     * @return this builder
     * @throws NullPointerException if {@code parents} is null
     */
    public Builder parents(ParentLookup parents) {
      this.parents = Objects.requireNonNull(parents, "parents");
      return this;
    }

    /**
     * Sets the clock read when a submission has no {@link CommentSubmission#submittedAt()}.
     *
     * @param clock default {@link InstantSource#system()}
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Returns the validator.
     *
     * @return a new immutable, thread-safe validator
     * @throws IllegalStateException if no {@link ArticleLookup} was set
     */
    public CommentValidator build() {
      ArticleLookup lookup = articles;
      if (lookup == null) {
        throw new IllegalStateException("CommentValidator needs an ArticleLookup: call articles(...)");
      }
      return new CommentValidator(this, lookup);
    }
  }
}
