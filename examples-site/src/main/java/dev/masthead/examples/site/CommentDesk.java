package dev.masthead.examples.site;

import dev.masthead.comments.Comment;
import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.ValidationResult;
import dev.masthead.comments.spam.Decision;
import dev.masthead.comments.spam.FormTokens;
import dev.masthead.comments.spam.Refusal;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.comments.spam.Verdict;
import dev.masthead.examples.site.CommentStore.Status;
import dev.masthead.examples.site.CommentStore.StoredComment;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.EngagementKind;
import dev.masthead.ranking.RankingEngine;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a reply goes once posted, by the HTML form or the JSON API alike: validation, the single-use form
 * token, the spam filter, then the comment store; and where a moderator's decision goes: the store, and the
 * filter's learned checks ({@link SpamFilter#markHam}, {@link SpamFilter#markSpam}). An approved comment counts
 * as a {@code COMMENT} engagement for the rankings. Thread-safe.
 */
public final class CommentDesk {
  private static final Logger LOG = LoggerFactory.getLogger(CommentDesk.class);

  /** What became of a posted reply. */
  public sealed interface Outcome {
    /**
     * The form has field errors; nothing was stored.
     *
     * @param result the errors
     */
    record Invalid(ValidationResult.Invalid result) implements Outcome {}

    /**
     * Refused outright: a flood or a duplicate; nothing was stored.
     *
     * @param refusal why
     */
    record Refused(Refusal refusal) implements Outcome {}

    /** The form's token was already used for a comment; nothing was stored. */
    record TokenReused() implements Outcome {}

    /**
     * Stored: approved and listed, or held (or judged spam) and shown only to its author.
     *
     * @param stored the stored comment
     * @param verdict the filter's verdict
     */
    record Stored(StoredComment stored, Verdict verdict) implements Outcome {}

    /**
     * Discarded by the filter; reads to the poster like a held comment, so a spammer learns nothing.
     *
     * @param verdict the filter's verdict
     */
    record Discarded(Verdict verdict) implements Outcome {}
  }

  private final CommentValidator validator;
  private final SpamFilter filter;
  private final FormTokens tokens;
  private final UsedFormTokens usedTokens;
  private final CommentStore store;
  private final RankingEngine ranking;

  /**
   * Creates the desk.
   *
   * @param validator the reply-form validator
   * @param filter the spam filter
   * @param tokens the form tokens the pages issue
   * @param usedTokens the ledger that makes them single-use
   * @param store the comment store
   * @param ranking the ranking engine, told of every approved comment
   */
  public CommentDesk(CommentValidator validator, SpamFilter filter, FormTokens tokens, UsedFormTokens usedTokens,
      CommentStore store, RankingEngine ranking) {
    this.validator = validator;
    this.filter = filter;
    this.tokens = tokens;
    this.usedTokens = usedTokens;
    this.store = store;
    this.ranking = ranking;
  }

  /**
   * Validates, checks and stores a reply.
   *
   * @param submission the reply as posted
   * @param visitor the posting browser's visitor id
   * @return what became of it
   */
  public Outcome submit(CommentSubmission submission, String visitor) {
    ValidationResult result = validator.validate(submission);
    if (result instanceof ValidationResult.Invalid invalid) {
      return new Outcome.Invalid(invalid);
    }
    Comment comment = result.validComment().orElseThrow();
    SpamContext context = SpamContext.of(submission);
    boolean holdAnyway = false;
    String token = submission.formToken();
    if (token != null && tokens.verify(token, comment.articleId(), null).status() == FormTokens.Status.VALID) {
      UsedFormTokens.Claim claim = usedTokens.claim(token, comment.submittedAt());
      if (claim == UsedFormTokens.Claim.REUSED) {
        return new Outcome.TokenReused();
      }
      holdAnyway = claim == UsedFormTokens.Claim.UNKNOWN;
    } // a missing, forged, expired or too fast token is the form-token check's to judge
    Verdict verdict = filter.check(comment, context);
    Optional<Refusal> refusal = verdict.refused();
    if (refusal.isPresent()) {
      return new Outcome.Refused(refusal.get());
    }
    if (verdict.decision() == Decision.DISCARD) {
      return new Outcome.Discarded(verdict);
    }
    Status status = switch (verdict.decision()) {
      case APPROVE -> holdAnyway ? Status.HELD : Status.APPROVED;
      case HOLD -> Status.HELD;
      default -> Status.SPAM;
    };
    StoredComment stored = store.add(comment, context, status, visitor);
    LOG.debug("comment {} stored as {}", stored.id(), status);
    if (status == Status.APPROVED) {
      countComment(comment);
    }
    return new Outcome.Stored(stored, verdict);
  }

  /**
   * Approves a held or spam comment: it is listed, and the filter learns it is ham (the author becomes an
   * approved author, a classifier learns from it).
   *
   * @param id the comment's id
   * @return whether there was such a comment waiting
   */
  public boolean approve(String id) {
    Optional<StoredComment> before = store.get(id).filter(c -> c.status() != Status.APPROVED)
        .flatMap(c -> store.setStatus(id, Status.APPROVED));
    before.ifPresent(c -> {
      filter.markHam(c.comment(), c.context());
      countComment(c.comment());
    });
    return before.isPresent();
  }

  /**
   * Marks a comment as spam: hidden from readers, and the filter learns it is spam.
   *
   * @param id the comment's id
   * @return whether there was such a comment not yet marked spam
   */
  public boolean markSpam(String id) {
    Optional<StoredComment> before = store.get(id).filter(c -> c.status() != Status.SPAM)
        .flatMap(c -> store.setStatus(id, Status.SPAM));
    before.ifPresent(c -> filter.markSpam(c.comment(), c.context()));
    return before.isPresent();
  }

  /**
   * Returns the moderation queue.
   *
   * @return held comments, then spam, oldest first
   */
  public List<StoredComment> queue() {
    return store.queue();
  }

  private void countComment(Comment comment) {
    ranking.record(EngagementEvent.of(comment.articleId(), EngagementKind.COMMENT, comment.submittedAt()));
  }
}
