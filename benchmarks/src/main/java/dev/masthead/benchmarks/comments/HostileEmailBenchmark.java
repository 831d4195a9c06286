package dev.masthead.benchmarks.comments;

import dev.masthead.comments.CommentPolicy;
import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.ValidationResult;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleStatus;
import java.time.Instant;
import java.util.Optional;
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
 * How long a whole submission takes when its email field holds a 100,000-character hostile email-like string
 * (the inputs that make backtracking regular expressions blow up). {@code policy=default} refuses it by length
 * (100 code points, WordPress's limit); {@code policy=unlimited} raises the email limit to 1,000,000 so that the
 * address parser reads all of it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class HostileEmailBenchmark {
  /** Which policy decides. */
  @Param({"default", "unlimited"})
  public String policy;

  /** The shape of the hostile string. */
  @Param({"dots", "atext", "labels"})
  public String shape;

  private CommentValidator validator;
  private CommentSubmission submission;

  /** Builds the validator and the hostile submission once. */
  @Setup
  public void setUp() {
    CommentPolicy commentPolicy = policy.equals("default")
        ? CommentPolicy.defaults()
        : CommentPolicy.builder().maxEmailLengthCodePoints(1_000_000).build();
    validator = CommentValidator.builder()
        .policy(commentPolicy)
        .articles(id -> Optional.of(Article.builder().id(id).headline("Story " + id.value())
            .status(ArticleStatus.PUBLISHED).publishedAt(Instant.parse("2026-03-01T08:00:00Z")).build()))
        .build();
    String email;
    switch (shape) {
      case "dots":
        email = "a.".repeat(50_000) + "@";
        break;
      case "atext":
        email = "a".repeat(99_991) + "@example!";
        break;
      default:
        email = "x@" + "b-.".repeat(33_333) + "c";
        break;
    }
    if (email.length() < 100_000) {
      throw new IllegalStateException("hostile email is " + email.length() + " chars");
    }
    submission = CommentBenchmarkInputs.submissionWithEmail(email);
    ValidationResult result = validator.validate(submission);
    if (result.isValid()) {
      throw new IllegalStateException("a hostile email was accepted");
    }
  }

  /** Validates the whole submission, hostile email included. */
  @Benchmark
  public ValidationResult validateHostileEmail() {
    return validator.validate(submission);
  }
}
