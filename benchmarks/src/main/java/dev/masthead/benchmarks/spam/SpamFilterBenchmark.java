package dev.masthead.benchmarks.spam;

import dev.masthead.comments.Comment;
import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.ValidationResult;
import dev.masthead.comments.spam.FormTokens;
import dev.masthead.comments.spam.Label;
import dev.masthead.comments.spam.SpamClassifier;
import dev.masthead.comments.spam.SpamChecks;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.comments.spam.TermList;
import dev.masthead.comments.spam.Verdict;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.ArticleStatus;
import dev.masthead.testing.SampleComments;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The whole local spam pipeline (no network) on 500-character comments with two links, beside validation
 * alone: {@code validate} runs {@link CommentValidator#validate} (normalization, rules, jsoup sanitizing);
 * {@code validateAndCheck} adds {@link SpamFilter#check} with every local check (honeypot, form token, flood,
 * duplicate, approved author, links, term lists, heuristics, learned classifier: the starter model, so the
 * weights are those of a real model); {@code check} is the filter alone on an already validated comment. One
 * thread, so the figures are per core.
 *
 * <p>2,048 distinct comments from as many commenters are cycled, and the clock moves one minute per comment, so
 * the flood and duplicate checks look up real state without refusing (a refusal would stop the pipeline early
 * and flatter the figure). Run: {@code java -jar benchmarks/target/benchmarks.jar spam -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class SpamFilterBenchmark {
  private static final int POOL = 2_048;
  private static final Instant START = Instant.parse("2025-12-07T18:00:00Z");

  private final AtomicLong minutes = new AtomicLong();
  private final InstantSource clock = () -> START.plus(Duration.ofMinutes(minutes.get()));
  private CommentValidator validator;
  private SpamFilter filter;
  private final List<CommentSubmission> submissions = new ArrayList<>();
  private final List<SpamContext> contexts = new ArrayList<>();
  private final List<Comment> comments = new ArrayList<>();
  private int next;

  @Setup
  public void setUp() {
    validator = CommentValidator.builder()
        .articles(id -> Optional.of(Article.builder().id(id).headline("Story " + id.value())
            .status(ArticleStatus.PUBLISHED).publishedAt(START.minus(Duration.ofDays(1))).build()))
        .clock(clock)
        .build();
    FormTokens tokens = FormTokens.create("benchmark-key-0123456789abcdef-0123".getBytes(StandardCharsets.US_ASCII),
        InstantSource.fixed(START.plusSeconds(3600)));
    filter = SpamFilter.builder()
        .check(SpamChecks.honeypot())
        .check(SpamChecks.formToken(tokens))
        .check(SpamChecks.flood(clock))
        .check(SpamChecks.duplicate(clock))
        .check(SpamChecks.approvedAuthors(clock))
        .check(SpamChecks.links())
        .check(SpamChecks.terms(TermList.parse("casino\nv*agra\n~pharma\n192.0.2.0/24"), TermList.parse("refund\nlawsuit")))
        .check(SpamChecks.contentHeuristics())
        .check(SpamChecks.classifier(SpamClassifier.starter()))
        .build();
    String token = FormTokens.create("benchmark-key-0123456789abcdef-0123".getBytes(StandardCharsets.US_ASCII),
        InstantSource.fixed(START)).issue(ArticleId.of("a1"), null);
    for (int i = 0; i < POOL; i++) {
      String content = comment(i);
      submissions.add(CommentSubmission.builder()
          .articleId("a1")
          .authorName("Reader " + i)
          .authorEmail("reader" + i + "@example.com")
          .authorUrl(i % 3 == 0 ? "https://blog.example.org/reader" + i : null)
          .content(content)
          .ipAddress("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255))
          .userAgent("Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0")
          .formToken(token)
          .build()); // no submittedAt: the validator stamps each comment with the moving clock
      contexts.add(new SpamContext(null, token, null, null));
      comments.add(((ValidationResult.Valid) validator.validate(submissions.get(i))).comment());
    }
  }

  /** About 500 characters of reply, with two links and some markup, different for each {@code i}. */
  static String comment(int i) {
    String text = "Reply " + i + ": I read the council's report on the <b>Harbor Bridge</b> repairs and the figures do not"
        + " match what the article says. The <a href=\"https://city.example.gov/budget/" + i + "\">budget page</a> lists"
        + " $84 million, but the engineers' estimate in https://engineers.example.org/report-" + i + " is closer to"
        + " $97 million once the lane closures are counted.\n\nWho pays the difference? The state has not said, and"
        + " commuters like me will feel the detours for two winters. <em>Please</em> follow up on this.";
    return text.length() > 500 ? text.substring(0, 500) : text;
  }

  private int nextIndex() {
    minutes.incrementAndGet();
    int i = next;
    next = (next + 1) % POOL;
    return i;
  }

  @Benchmark
  public ValidationResult validate() {
    return validator.validate(submissions.get(nextIndex()));
  }

  @Benchmark
  public Verdict validateAndCheck() {
    int i = nextIndex();
    ValidationResult r = validator.validate(submissions.get(i));
    return filter.check(((ValidationResult.Valid) r).comment(), contexts.get(i));
  }

  @Benchmark
  public Verdict check() {
    int i = nextIndex();
    Comment c = comments.get(i);
    Comment now = new Comment(c.articleId(), c.parentId(), c.authorName(), c.authorEmail(), c.authorUrl(),
        c.contentHtml(), c.contentText(), c.links(), c.client(), clock.instant());
    return filter.check(now, contexts.get(i));
  }
}
