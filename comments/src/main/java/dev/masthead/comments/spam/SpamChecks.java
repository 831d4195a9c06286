package dev.masthead.comments.spam;

import java.time.Duration;
import java.time.InstantSource;

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
   * Returns the flood check ({@code "flood"}, {@link SpamCheck.Cost#TRIVIAL}) with the default interval
   * ({@link #DEFAULT_FLOOD_INTERVAL}) and an in-memory store ({@link FloodStore#inMemory}): a second comment
   * from the same IP address or email within the interval is refused with {@code flood} and
   * {@link Refusal#FLOOD} (an HTTP host answers 429).
   *
   * @param clock the time source of the store (use the validator's)
   * @return the check
   * @throws NullPointerException if {@code clock} is null
   */
  public static SpamCheck flood(InstantSource clock) {
    return FloodCheck.create(clock);
  }

  /**
   * Returns the flood check with the given interval and store, for example one shared by several app servers.
   *
   * @param interval the shortest time allowed between two comments of one commenter, from 1 second to 1 day
   * @param store where last-comment times are kept; it must remember them at least {@code interval}
   * @return the check
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code interval} is out of range
   */
  public static SpamCheck flood(Duration interval, FloodStore store) {
    return FloodCheck.of(interval, store);
  }

  /**
   * Returns the duplicate check ({@code "duplicate"}, {@link SpamCheck.Cost#TRIVIAL}) with an in-memory store
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
   * Returns the duplicate check with the given store, for example one shared by several app servers.
   *
   * @param store where fingerprints are kept
   * @return the check
   * @throws NullPointerException if {@code store} is null
   */
  public static SpamCheck duplicate(DuplicateStore store) {
    return DuplicateCheck.of(store);
  }

  /**
   * Returns the approved-author check ({@code "author"}, {@link SpamCheck.Cost#TRIVIAL}), as WordPress's
   * "Comment author must have a previously approved comment" turned into a score: a comment whose name and
   * email match an approved author gets {@code author.previously_approved} with
   * {@link #DEFAULT_APPROVED_AUTHOR_SCORE}, enough to outweigh a borderline classifier score but no floor set
   * by another check. A moderator's ham feedback approves the author.
   *
   * @param authors the store of approved authors
   * @return the check
   * @throws NullPointerException if {@code authors} is null
   */
  public static SpamCheck approvedAuthors(ApprovedAuthors authors) {
    return ApprovedAuthorCheck.of(authors);
  }

  /**
   * Returns the approved-author check with the given score.
   *
   * @param authors the store of approved authors
   * @param score the score of an approved author, from -10 to 0
   * @return the check
   * @throws NullPointerException if {@code authors} is null
   * @throws IllegalArgumentException if {@code score} is out of range
   */
  public static SpamCheck approvedAuthors(ApprovedAuthors authors, double score) {
    return ApprovedAuthorCheck.of(authors, score);
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
}
