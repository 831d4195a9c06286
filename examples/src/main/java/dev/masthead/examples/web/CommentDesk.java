package dev.masthead.examples.web;

import dev.masthead.comments.Comment;
import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.ParentLookup;
import dev.masthead.comments.ValidationResult;
import dev.masthead.comments.spam.Decision;
import dev.masthead.comments.spam.FormTokens;
import dev.masthead.comments.spam.Refusal;
import dev.masthead.comments.spam.SpamChecks;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.comments.spam.TermList;
import dev.masthead.comments.spam.Verdict;
import dev.masthead.core.ArticleId;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.EngagementKind;
import dev.masthead.ranking.RankingEngine;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where a reply goes once posted, by the HTML form or the JSON API alike: validation, then the spam filter, then
 * the comment store. The store is a map in memory (a real site keeps comments in its database); approved
 * comments are listed under the article and counted as a {@code COMMENT} engagement for the rankings, the others
 * wait in the moderation queue. Thread-safe.
 */
final class CommentDesk {
  /**
   * The disallowed terms of this demo site ({@link dev.masthead.comments.spam.TermList} syntax: {@code ~} for a substring, {@code *}
   * for any letters); a real site keeps its list in its settings, as WordPress's "Disallowed Comment Keys".
   */
  static final String DISALLOWED_TERMS = """
      # pharmacy and gambling spam
      v*agra
      cialis
      ~casino
      replica watches
      """;

  /** A comment as stored: its id, the clean comment and what the spam filter decided. */
  record StoredComment(String id, Comment comment, int depth, Decision decision) {}

  /** What became of a posted reply. */
  sealed interface Outcome {
    /** The form has field errors; nothing was stored. */
    record Invalid(ValidationResult.Invalid result) implements Outcome {}

    /** Approved and listed under the article. */
    record Published(StoredComment stored, Verdict verdict) implements Outcome {}

    /** Held for moderation, or judged spam (stored but not listed; discarded ones are not stored). */
    record Pending(Verdict verdict) implements Outcome {}

    /** Refused outright: too many comments too fast (flood), or said already (duplicate). */
    record Refused(Refusal refusal) implements Outcome {}
  }

  private final CommentValidator validator;
  private final SpamFilter spamFilter;
  private final RankingEngine ranking;
  private final Map<String, StoredComment> comments = new ConcurrentHashMap<>();
  private final AtomicLong nextId = new AtomicLong(1);

  CommentDesk(Catalog catalog, FormTokens tokens, RankingEngine ranking, InstantSource clock) {
    this.ranking = ranking;
    this.validator = CommentValidator.builder()
        .clock(clock)
        .articles(catalog::find)
        .parents(id -> Optional.ofNullable(comments.get(id))
            .map(c -> new ParentLookup.Parent(c.comment().articleId(), c.decision() == Decision.APPROVE, c.depth())))
        .build();
    // The trivial checks run first, in this order, and a refusal or a SPAM floor skips the rest.
    this.spamFilter = SpamFilter.builder()
        .check(SpamChecks.honeypot())
        .check(SpamChecks.formToken(tokens))
        .check(SpamChecks.flood(clock))
        .check(SpamChecks.duplicate(clock))
        .check(SpamChecks.links())
        .check(SpamChecks.terms(TermList.parse(DISALLOWED_TERMS), TermList.empty()))
        .check(SpamChecks.contentHeuristics())
        .build();
  }

  /** Validates, checks and stores a reply. */
  Outcome submit(CommentSubmission submission) {
    ValidationResult result = validator.validate(submission);
    if (result instanceof ValidationResult.Invalid invalid) {
      return new Outcome.Invalid(invalid);
    }
    Comment comment = result.validComment().orElseThrow();
    Verdict verdict = spamFilter.check(comment, SpamContext.of(submission));
    if (verdict.refusal() != null) {
      return new Outcome.Refused(verdict.refusal());
    }
    if (verdict.decision() == Decision.DISCARD) {
      return new Outcome.Pending(verdict);
    }
    int depth = comment.parent().map(p -> comments.get(p).depth() + 1).orElse(0);
    StoredComment stored = new StoredComment("c" + nextId.getAndIncrement(), comment, depth, verdict.decision());
    comments.put(stored.id(), stored);
    if (verdict.decision() != Decision.APPROVE) {
      return new Outcome.Pending(verdict);
    }
    ranking.record(EngagementEvent.of(comment.articleId(), EngagementKind.COMMENT, comment.submittedAt()));
    return new Outcome.Published(stored, verdict);
  }

  /** The approved comments of an article, oldest first. */
  List<StoredComment> approved(ArticleId articleId) {
    return comments.values().stream()
        .filter(c -> c.decision() == Decision.APPROVE && c.comment().articleId().equals(articleId))
        .sorted(Comparator.comparing((StoredComment c) -> c.comment().submittedAt())
            .thenComparingLong(c -> Long.parseLong(c.id().substring(1))))
        .toList();
  }

  /** How many comments wait in the moderation queue or the spam folder. */
  long pendingCount() {
    return comments.values().stream().filter(c -> c.decision() != Decision.APPROVE).count();
  }
}
