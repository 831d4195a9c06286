package dev.masthead.benchmarks.comments;

import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.ValidationResult;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Validate plus sanitize one reply: a 500-character comment with two links, a name, an email with
 * plus-addressing, a website and client info, through {@link CommentValidator#validate} (normalization, field
 * rules, jsoup Cleaner, paragraphs, plain text). Beside it:
 * <ul>
 *   <li>{@code plainText}: the same validation for a 500-character comment without markup;</li>
 *   <li>{@code baselineJsoupCleanBasic}: the naive baseline, jsoup's {@code Jsoup.clean(html, Safelist.basic())}
 *       on the same content, with no validation, normalization, paragraphs or plain text.</li>
 * </ul>
 * One thread, so the score is operations per second on one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class CommentValidationBenchmark {
  /** 500 characters, two links, an entity, a line break and a paragraph break. */
  static final String COMMENT_WITH_TWO_LINKS =
      "Thanks for the clear write-up on the council vote. The budget figures match what the "
      + "<a href=\"https://example.org/reports/2026-budget.pdf\">published report</a> says, but the "
      + "transport numbers look off to me &amp; others.\n"
      + "Compare them with the <a href=\"https://data.example.net/transport?year=2025\">open data portal</a>"
      + ", which shows ridership up, not down.\n\n"
      + "<em>Could you</em> ask the city for the source of the 12% figure? A follow-up would be "
      + "welcomed. Keep up the good work, it matters a lot to us.";

  static final String PLAIN_COMMENT = ("Thanks for the clear write-up on the council vote. The budget "
      + "figures match the published report, but the transport numbers look off to me and to others in my "
      + "neighbourhood.\nCompare them with the open data portal, which shows ridership up, not down.\n\n"
      + "Could you ask the city for the source of the 12% figure? A follow-up would be welcome. Keep up the "
      + "good work; local reporting like this matters more than ever, and the comments here are usually "
      + "better than elsewhere. Cheers from the east side! Looking forward to the next piece.").substring(0, 500);

  private CommentValidator validator;
  private CommentSubmission withLinks;
  private CommentSubmission plain;

  /** Builds the validator and the submissions once. */
  @Setup
  public void setUp() {
    if (COMMENT_WITH_TWO_LINKS.length() != 500) {
      throw new IllegalStateException("comment is " + COMMENT_WITH_TWO_LINKS.length() + " chars, not 500");
    }
    Article open = Article.builder().id("a-1").headline("Council passes the budget")
        .status(ArticleStatus.PUBLISHED).publishedAt(Instant.parse("2026-03-01T08:00:00Z")).build();
    validator = CommentValidator.builder().articles(id -> Optional.of(open)).build();
    withLinks = submission(COMMENT_WITH_TWO_LINKS);
    plain = submission(PLAIN_COMMENT);
    ValidationResult result = validator.validate(withLinks);
    if (!result.isValid() || result.validComment().orElseThrow().links().size() != 2) {
      throw new IllegalStateException("benchmark comment is not a valid comment with two links: " + result);
    }
  }

  static CommentSubmission submission(String content) {
    return CommentSubmission.builder()
        .articleId("2026-03-council-budget")
        .authorName("Maria Garc\u00EDa")
        .authorEmail("maria.garcia+news@example.com")
        .authorUrl("https://maria.example.com/blog")
        .content(content)
        .ipAddress("198.51.100.23")
        .userAgent("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)")
        .referrer("https://news.example.com/2026/03/council-budget")
        .submittedAt(Instant.parse("2026-03-02T10:15:00Z"))
        .build();
  }

  /** The measure: validate plus sanitize a 500-character comment with two links. */
  @Benchmark
  public ValidationResult validateWithTwoLinks() {
    return validator.validate(withLinks);
  }

  /** The same for a 500-character comment without markup. */
  @Benchmark
  public ValidationResult validatePlainText() {
    return validator.validate(plain);
  }

  /** Naive baseline: jsoup's one-call cleaner with its basic safelist, sanitizing only. */
  @Benchmark
  public String baselineJsoupCleanBasic() {
    return Jsoup.clean(COMMENT_WITH_TWO_LINKS, Safelist.basic());
  }
}
