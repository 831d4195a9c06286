package dev.masthead.benchmarks.comments;

import dev.masthead.comments.Comment;
import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.ValidationResult;
import dev.masthead.comments.spam.Signal;
import dev.masthead.comments.spam.SpamCheck;
import dev.masthead.comments.spam.SpamChecks;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.comments.spam.TermList;
import dev.masthead.core.ArticleLookup;
import dev.masthead.core.Slug;
import dev.masthead.testing.SampleArticles;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The hostile inputs that once took seconds, measured here instead of under a wall-clock threshold in the unit
 * tests (which keep asserting the results). Each {@code input} is one regression:
 * <ul>
 *   <li>{@code zalgo-content}: a 65,001-char comment of one letter and stacked accents, validated (normalizing
 *       it whole took 2 to 5 s before runs of marks were capped at 30);</li>
 *   <li>{@code div-blocks}: 5,000 {@code <div>} siblings, validated and sanitized (1.1 s with quadratic
 *       inserts);</li>
 *   <li>{@code glob-pattern}: the disallowed term {@code *a*a*a*a*a*a*a*a*b} checked against a 5,000-letter
 *       word (exponential for a backtracking glob);</li>
 *   <li>{@code shared-prefix-phrases}: 2,000 twenty-word disallowed phrases starting with the same word,
 *       checked against 30,000 repetitions of it (13.6 s before the trie);</li>
 *   <li>{@code slug-marks}: the slug of a letter and a million combining marks (260 s before inputs were
 *       bounded).</li>
 * </ul>
 * The score is the time of one operation; every case should stay in milliseconds or below.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class HostileInputBenchmark {
  private static final Instant NOW = Instant.parse("2026-03-14T09:00:00Z");

  /** Which regression. */
  @Param({"zalgo-content", "div-blocks", "glob-pattern", "shared-prefix-phrases", "slug-marks"})
  public String input;

  private CommentValidator validator;
  private CommentSubmission submission;
  private SpamCheck terms;
  private Comment comment;
  private String text;

  /** Builds the hostile input and what reads it, once, and checks that it gives the expected result. */
  @Setup
  public void setUp() {
    validator = CommentValidator.builder()
        .articles(ArticleLookup.of(List.of(SampleArticles.published("a1", "Council passes the budget",
            NOW.minusSeconds(3_600)).build())))
        .build();
    switch (input) {
      case "zalgo-content":
        submission = reply("a" + "\u0301\u0316".repeat(32_500));
        break;
      case "div-blocks":
        submission = reply("<div>a</div>".repeat(5_000));
        break;
      case "glob-pattern":
        terms = SpamChecks.terms(TermList.parse("*a*a*a*a*a*a*a*a*b"), TermList.empty());
        comment = validComment("a".repeat(5_000));
        break;
      case "shared-prefix-phrases":
        StringBuilder phrases = new StringBuilder();
        for (int i = 0; i < 2_000; i++) {
          phrases.append("a ".repeat(19)).append('z').append(i).append('\n');
        }
        terms = SpamChecks.terms(TermList.parse(phrases.toString()), TermList.empty());
        comment = validComment("a ".repeat(30_000).strip());
        break;
      case "slug-marks":
        text = "a" + "\u0301\u0316".repeat(500_000);
        break;
      default:
        throw new IllegalArgumentException("unknown input " + input);
    }
    if (submission != null && !validator.validate(submission).isValid()) {
      throw new IllegalStateException(input + ": the hostile comment was refused, so the benchmark measures nothing");
    }
    if (terms != null && !terms.check(comment, SpamContext.EMPTY).isEmpty()) {
      throw new IllegalStateException(input + ": a term matched, so the benchmark does not measure the worst case");
    }
  }

  private CommentSubmission reply(String content) {
    return CommentSubmission.builder().articleId("a1").authorName("Ann Reader").authorEmail("ann@example.com")
        .content(content).submittedAt(NOW).build();
  }

  private Comment validComment(String content) {
    return validator.validate(reply(content)).validComment()
        .orElseThrow(() -> new IllegalStateException(input + ": the comment was refused"));
  }

  /**
   * Runs the case once.
   *
   * @return the validation result, the check's signals or the slug, so that JMH keeps the work
   */
  @Benchmark
  public Object hostileInput() {
    if (submission != null) {
      ValidationResult result = validator.validate(submission);
      return result;
    }
    if (terms != null) {
      List<Signal> signals = terms.check(comment, SpamContext.EMPTY);
      return signals;
    }
    return Slug.of(text);
  }
}
