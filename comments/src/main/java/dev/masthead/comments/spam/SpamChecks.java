package dev.masthead.comments.spam;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The built-in {@link SpamCheck}s, one factory method each, to add to {@link SpamFilter.Builder#check}:
 *
 * <pre>{@code
 * SpamFilter filter = SpamFilter.builder()
 *     .check(SpamChecks.honeypot())
 *     .check(SpamChecks.formToken(tokens))
 *     .check(SpamChecks.flood(clock))
 *     .check(SpamChecks.duplicate(clock))
 *     .check(SpamChecks.links())
 *     .check(SpamChecks.terms(TermList.parse(disallowed), TermList.parse(moderation)))
 *     .check(SpamChecks.contentHeuristics())
 *     .check(SpamChecks.classifier(classifier))
 *     .check(SpamChecks.akismet(akismetClient))
 *     .build();
 * }</pre>
 *
 * <p>Each method documents the check's name (as in {@link Signal#check()} and {@link Verdict#skipped()}), its
 * {@link SpamCheck.Cost}, its signal codes and its defaults. Every check returned is immutable and safe for
 * concurrent use, if the store, classifier or client it is given is; the in-memory stores are.
 */
public final class SpamChecks {
  /** The default flood interval: 15 seconds, as WordPress's {@code comment_flood_filter}. */
  public static final Duration DEFAULT_FLOOD_INTERVAL = FloodCheck.DEFAULT_INTERVAL;
  /** The default time a duplicate is remembered: 24 hours. */
  public static final Duration DEFAULT_DUPLICATE_RETENTION = DuplicateCheck.DEFAULT_RETENTION;
  /** The default number of links from which a comment is held: {@value}, as WordPress's {@code comment_max_links}. */
  public static final int DEFAULT_LINK_LIMIT = LinkCheck.DEFAULT_LIMIT;
  /** The default score of a previously approved author: {@value}. */
  public static final double DEFAULT_APPROVED_AUTHOR_SCORE = ApprovedAuthorCheck.DEFAULT_SCORE;
  /** The default time a moderator's approval of an author is trusted: 365 days. */
  public static final Duration DEFAULT_APPROVAL_RETENTION = ApprovedAuthorCheck.DEFAULT_RETENTION;
  /** The default store timeout of the flood, duplicate and approved-author checks: 250 ms. */
  public static final Duration DEFAULT_STORE_TIMEOUT = StoreGuard.DEFAULT_TIMEOUT;
  /** The code of the signal given when a check's store fails or is late: {@value}. */
  public static final String STORE_UNAVAILABLE = StoreGuard.UNAVAILABLE;
  /** The code of the score-free signal given when a check decided on server memory because its store failed: {@value}. */
  public static final String STORE_FALLBACK = StoreGuard.FALLBACK;

  private SpamChecks() {}

  /**
   * Returns the honeypot check ({@code "honeypot"}, {@link SpamCheck.Cost#TRIVIAL}): any value in the hidden
   * honeypot field ({@link SpamContext#honeypot()}), even white space, gives {@code honeypot.filled} with a
   * {@link Decision#DISCARD} floor. Hide the field with CSS (not {@code type="hidden"}), give it a plausible
   * name, {@code autocomplete="off"} and {@code tabindex="-1"}, so that autofill and keyboard users leave it
   * empty.
   *
   * @return the check
   */
  public static SpamCheck honeypot() {
    return HoneypotCheck.create();
  }

  /**
   * Returns the form-token check ({@code "token"}, {@link SpamCheck.Cost#TRIVIAL}) for the tokens a
   * {@link FormTokens} issued when the form rendered: a form posted faster than a person could write gives
   * {@code token.too_fast} with a SPAM floor; a forged, malformed, expired, future or missing token holds the
   * comment ({@code token.forged}, {@code token.malformed}, {@code token.expired}, {@code token.future},
   * {@code token.missing}), since a real reader can meet those (an old tab, a cached page).
   *
   * @param tokens the token maker whose key issued the tokens
   * @return the check
   * @throws NullPointerException if {@code tokens} is null
   */
  public static SpamCheck formToken(FormTokens tokens) {
    return FormTokenCheck.of(tokens);
  }

  /**
   * Returns the flood check ({@code "flood"}, {@link SpamCheck.Cost#STORE}) with the default interval
   * ({@link #DEFAULT_FLOOD_INTERVAL}) and this server's memory ({@link FloodStore#inMemory(InstantSource)},
   * keyed under a random secret of this process): a second comment from the same IP address or email within
   * the interval is refused with {@code flood} and {@link Refusal#FLOOD} (an HTTP host answers 429). Only
   * accepted comments start the interval, as WordPress counts from the last stored comment, so a reader who
   * retries every 10 seconds gets through on the second retry; a comment settled by an earlier check (a filled
   * honeypot, a disallowed term) is not recorded. A previous comment counts only if it lies less than the
   * interval away on either side, so a clock far off blocks nothing.
   *
   * @param clock the time source of the store (use the validator's)
   * @return the check
   * @throws NullPointerException if {@code clock} is null
   */
  public static SpamCheck flood(InstantSource clock) {
    return FloodCheck.create(clock);
  }

  /**
   * Returns the flood check on a store shared by several app servers (for example {@code masthead-redis}'s).
   * The comment's IP and email fingerprints go to the store in one call (one round trip). A store call that
   * fails or takes longer than the store timeout gives {@value #STORE_UNAVAILABLE} with a HOLD floor, never a
   * refusal and never an approval, unless the settings fall back to server memory.
   *
   * @param interval the shortest time allowed between two accepted comments of one commenter, from 1 second to
   *     1 day; also how long the store keeps each key
   * @param store where last-comment times are kept
   * @param settings the site secret, the store timeout and the fallback
   * @return the check
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code interval} is out of range
   */
  public static SpamCheck flood(Duration interval, FloodStore store, StoreSettings settings) {
    Objects.requireNonNull(settings, "settings");
    FloodCheck.Builder b = FloodCheck.builder().interval(interval).store(store, settings.siteSecret)
        .storeTimeout(settings.storeTimeout);
    if (settings.fallbackClock != null) {
      b.clock(settings.fallbackClock).fallbackToServerMemory();
    }
    return b.build();
  }

  /**
   * Returns the duplicate check ({@code "duplicate"}, {@link SpamCheck.Cost#STORE}) with this server's memory
   * ({@link DuplicateStore#inMemory(InstantSource)}: at most 100,000 fingerprints, the oldest forgotten first)
   * that remembers comments for {@link #DEFAULT_DUPLICATE_RETENTION}: the same author saying the same thing
   * (folded, white space collapsed) under the same parent of the same article is refused with
   * {@code duplicate} and {@link Refusal#DUPLICATE} (an HTTP host answers 409).
   *
   * @param clock the time source of the store
   * @return the check
   * @throws NullPointerException if {@code clock} is null
   */
  public static SpamCheck duplicate(InstantSource clock) {
    return DuplicateCheck.create(clock);
  }

  /**
   * Returns the duplicate check on a store shared by several app servers. A store call that fails or takes
   * longer than the store timeout gives {@value #STORE_UNAVAILABLE} with a HOLD floor, unless the settings fall
   * back to server memory.
   *
   * @param retention how long a comment counts for duplicates (and the store keeps its fingerprint), from
   *     1 minute to 30 days; {@link #DEFAULT_DUPLICATE_RETENTION} as a default
   * @param store where fingerprints are kept
   * @param settings the site secret, the store timeout and the fallback
   * @return the check
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code retention} is out of range
   */
  public static SpamCheck duplicate(Duration retention, DuplicateStore store, StoreSettings settings) {
    Objects.requireNonNull(settings, "settings");
    DuplicateCheck.Builder b = DuplicateCheck.builder().retention(retention).store(store, settings.siteSecret)
        .storeTimeout(settings.storeTimeout);
    if (settings.fallbackClock != null) {
      b.clock(settings.fallbackClock).fallbackToServerMemory();
    }
    return b.build();
  }

  /**
   * Returns the approved-author check ({@code "author"}, {@link SpamCheck.Cost#STORE}) with this server's
   * memory ({@link ApprovedAuthors#inMemory(InstantSource)}), as WordPress's "Comment author must have a
   * previously approved comment" turned into a score: a comment whose name and email match an approved author
   * gets {@code author.previously_approved} with {@link #DEFAULT_APPROVED_AUTHOR_SCORE}, enough to outweigh a
   * borderline classifier score but no floor set by another check. A moderator's ham feedback approves the
   * author for {@link #DEFAULT_APPROVAL_RETENTION}, renewed by each approval.
   *
   * @param clock the time source of the store
   * @return the check
   * @throws NullPointerException if {@code clock} is null
   */
  public static SpamCheck approvedAuthors(InstantSource clock) {
    return ApprovedAuthorCheck.create(clock);
  }

  /**
   * Returns the approved-author check on a store shared by several app servers, with the default score and
   * retention.
   *
   * @param store the store of approved authors
   * @param settings the site secret, the store timeout and the fallback
   * @return the check
   * @throws NullPointerException if an argument is null
   */
  public static SpamCheck approvedAuthors(ApprovedAuthors store, StoreSettings settings) {
    return approvedAuthors(store, settings, DEFAULT_APPROVED_AUTHOR_SCORE, DEFAULT_APPROVAL_RETENTION);
  }

  /**
   * Returns the approved-author check on a store, with the given score and retention. A store call that fails
   * or takes longer than the store timeout gives {@value #STORE_UNAVAILABLE} with a HOLD floor, unless the
   * settings fall back to server memory; a failed approval is lost (the outage is logged once).
   *
   * @param store the store of approved authors
   * @param settings the site secret, the store timeout and the fallback
   * @param score the score of an approved author, from -10 to 0
   * @param retention how long an approval is trusted, from 1 day to 3,650 days
   * @return the check
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code score} or {@code retention} is out of range
   */
  public static SpamCheck approvedAuthors(ApprovedAuthors store, StoreSettings settings, double score,
      Duration retention) {
    Objects.requireNonNull(settings, "settings");
    ApprovedAuthorCheck.Builder b = ApprovedAuthorCheck.builder().score(score).retention(retention)
        .store(store, settings.siteSecret).storeTimeout(settings.storeTimeout);
    if (settings.fallbackClock != null) {
      b.clock(settings.fallbackClock).fallbackToServerMemory();
    }
    return b.build();
  }

  /**
   * Returns the link check ({@code "links"}, {@link SpamCheck.Cost#LOCAL}) with WordPress's default: a comment
   * with {@value #DEFAULT_LINK_LIMIT} links or more gets {@code links.too_many} with a HOLD floor and 0.5 per
   * link.
   *
   * @return the check
   */
  public static SpamCheck links() {
    return LinkCheck.create();
  }

  /**
   * Returns the link check holding comments with {@code limit} links or more.
   *
   * @param limit from 1 to 1,000
   * @return the check
   * @throws IllegalArgumentException if out of range
   */
  public static SpamCheck links(int limit) {
    return LinkCheck.holdingAt(limit);
  }

  /**
   * Returns the term-list check ({@code "terms"}, {@link SpamCheck.Cost#LOCAL}): a disallowed term gives
   * {@code terms.disallowed} with a SPAM floor, a moderation term {@code terms.moderation} with a HOLD floor,
   * naming the term and the field. Pass {@link TermList#empty()} for a list the site does not use.
   *
   * @param disallowed the disallowed terms (WordPress's "Disallowed Comment Keys")
   * @param moderation the moderation terms (WordPress's "Comment Moderation")
   * @return the check
   * @throws NullPointerException if an argument is null
   */
  public static SpamCheck terms(TermList disallowed, TermList moderation) {
    return TermListCheck.of(disallowed, moderation);
  }

  /**
   * Returns the content heuristics ({@code "heuristics"}, {@link SpamCheck.Cost#LOCAL}): small scores for
   * shouting, a character repeated 10 times in a row, several links to one host, a comment that is only a link
   * and self-promotion phrasing, and a HOLD floor for a BBCode link.
   *
   * @return the check
   */
  public static SpamCheck contentHeuristics() {
    return ContentHeuristicsCheck.create();
  }

  /**
   * Returns the learned-classifier check ({@code "classifier"}, {@link SpamCheck.Cost#LOCAL}): the
   * classifier's log-odds of spam as the score, clamped to [-8, 8] ({@code classifier.spam} or
   * {@code classifier.ham}); no signal while the classifier has not seen both spam and ham. Moderator feedback
   * teaches it ({@link SpamClassifier#learn}).
   *
   * @param classifier the classifier to consult and teach
   * @return the check
   * @throws NullPointerException if {@code classifier} is null
   */
  public static SpamCheck classifier(SpamClassifier classifier) {
    return ClassifierCheck.of(classifier);
  }

  /**
   * Returns the Akismet check ({@code "akismet"}, {@link SpamCheck.Cost#NETWORK}, so it runs last and not at
   * all once the outcome is settled): Akismet's {@code true} gives {@code akismet.spam} with a SPAM floor, with
   * the pro-tip {@code discard} {@code akismet.discard} with a DISCARD floor; {@code false} gives no signal;
   * any failure (timeout, refused connection, HTTP error, {@code invalid} key, unreadable answer) gives
   * {@code akismet.unavailable} with a HOLD floor and a reason naming the cause, never SPAM. Moderators'
   * feedback is sent back with {@code submit-spam} and {@code submit-ham}, without waiting for the answer.
   *
   * @param client the Akismet client
   * @return the check
   * @throws NullPointerException if {@code client} is null
   */
  public static SpamCheck akismet(AkismetClient client) {
    return AkismetCheck.of(client);
  }

  /**
   * How the flood, duplicate and approved-author checks use a store shared by several app servers: the site
   * secret their keys are fingerprinted with, how long they wait for the store, and whether they fall back to
   * this server's memory when it fails.
   *
   * <p>Keys are the first 128 bits of HMAC-SHA256 under the site secret, so a store (its append-only file, its
   * backups, its replicas) holds no address or text that could be recovered by trying every IPv4 address.
   * Every server sharing a store must use the same secret; keep it out of the store. Rotating it forgets the
   * memory (flood and duplicate memories are short; approvals are lost).
   *
   * <p>Immutable and thread-safe; {@link #toString()} never shows the secret.
   */
  public static final class StoreSettings {
    private final byte[] siteSecret;
    private final Duration storeTimeout;
    private final @Nullable InstantSource fallbackClock;

    private StoreSettings(byte[] siteSecret, Duration storeTimeout, @Nullable InstantSource fallbackClock) {
      this.siteSecret = siteSecret;
      this.storeTimeout = storeTimeout;
      this.fallbackClock = fallbackClock;
    }

    /**
     * Returns settings with the site secret, a store timeout of {@link #DEFAULT_STORE_TIMEOUT} and no fallback.
     *
     * @param siteSecret at least 16 random bytes (copied), the same on every server
     * @return the settings
     * @throws NullPointerException if {@code siteSecret} is null
     * @throws IllegalArgumentException if it is shorter than 16 bytes
     */
    public static StoreSettings of(byte[] siteSecret) {
      Fingerprints.keyedBy(siteSecret); // validates
      return new StoreSettings(siteSecret.clone(), DEFAULT_STORE_TIMEOUT, null);
    }

    /**
     * Returns a copy with another store timeout: a later answer holds the comment (or falls back). Keep it
     * below the filter's check timeout (3 seconds by default) and above the store's normal latency.
     *
     * @param storeTimeout from 1 ms to 10 s
     * @return the new settings
     * @throws NullPointerException if {@code storeTimeout} is null
     * @throws IllegalArgumentException if out of range
     */
    public StoreSettings withStoreTimeout(Duration storeTimeout) {
      return new StoreSettings(siteSecret, StoreGuard.checkTimeout(storeTimeout), fallbackClock);
    }

    /**
     * Returns a copy that decides on this server's memory when the store fails or is late, instead of holding
     * the comment (off by default). Weaker, and said so in the verdict with the score-free
     * {@value SpamChecks#STORE_FALLBACK}: during an outage each server sees only its own share of a flood or a
     * duplicate, and knows only the approvals made through it. The server memory is written on every comment
     * the store answered for, so it is warm when an outage starts, and is lost on restart.
     *
     * @param clock the time source that ages the server memory
     * @return the new settings
     * @throws NullPointerException if {@code clock} is null
     */
    public StoreSettings withFallbackToServerMemory(InstantSource clock) {
      return new StoreSettings(siteSecret, storeTimeout, Objects.requireNonNull(clock, "clock"));
    }

    @Override
    public String toString() {
      return "StoreSettings[storeTimeout=" + storeTimeout + (fallbackClock != null ? ", fallbackToServerMemory" : "")
          + "]";
    }
  }
}
