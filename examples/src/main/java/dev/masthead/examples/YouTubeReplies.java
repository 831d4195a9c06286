package dev.masthead.examples;

import dev.masthead.comments.Comment;
import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.ValidationResult;
import dev.masthead.comments.spam.Decision;
import dev.masthead.comments.spam.FormTokens;
import dev.masthead.comments.spam.Label;
import dev.masthead.comments.spam.SpamClassifier;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.comments.spam.Verdict;
import dev.masthead.core.Article;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The demo's {@code --comments} mode: every comment of the YouTube Spam Collection posted as a reply to the
 * article on show, through validation and the spam filter. The classifier is trained two-fold (on the odd rows
 * to judge the even ones, then the other way round), so no comment is judged by a model that saw it. Each
 * comment has its own address and IP and a valid form token, so flood and token checks stay quiet.
 */
final class YouTubeReplies {
  private YouTubeReplies() {}

  static void run(Path folder, CommentValidator validator, MutableClock clock, Article article, PrintStream out)
      throws InputError {
    List<YouTubeComments.Row> rows;
    try {
      rows = YouTubeComments.read(folder);
    } catch (YouTubeComments.InputException e) {
      throw new InputError(e.getMessage(), e);
    }
    List<SpamClassifier> halves = new ArrayList<>();
    for (int half = 0; half < 2; half++) {
      List<SpamClassifier.Example> training = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        if (i % 2 != half) {
          training.add(new SpamClassifier.Example(org.jsoup.Jsoup.parse(rows.get(i).content()).text(), rows.get(i).spam() ? Label.SPAM : Label.HAM));
        }
      }
      halves.add(SpamClassifier.trainer().train(training));
    }
    byte[] key = "masthead-demo-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    FormTokens tokens = FormTokens.create(key, clock);
    List<ReplyDesk> desks = List.of(new ReplyDesk(validator, halves.get(0), tokens, clock),
        new ReplyDesk(validator, halves.get(1), tokens, clock));
    Map<Decision, long[]> byDecision = new EnumMap<>(Decision.class); // {spam, ham}
    Map<String, Integer> invalid = new LinkedHashMap<>();
    List<String> examples = new ArrayList<>();
    long start = System.nanoTime();
    try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Checking comments").setInitialMax(rows.size())
        .setStyle(ProgressBarStyle.ASCII).build()) {
      for (int i = 0; i < rows.size(); i++) {
        YouTubeComments.Row row = rows.get(i);
        String token = tokens.issue(article.id(), null);
        clock.set(clock.instant().plusSeconds(20)); // each comment 20 s after its form, and after the last one
        CommentSubmission s = CommentSubmission.builder()
            .articleId(article.id().value())
            .authorName(row.author().isBlank() ? "Anonymous" : row.author())
            .authorEmail("reader" + i + "@example.com")
            .content(row.content())
            .ipAddress("10.0." + (i / 250) + "." + (i % 250 + 1))
            .formToken(token)
            .submittedAt(clock.instant())
            .build();
        ValidationResult result = validator.validate(s);
        bar.step();
        if (result instanceof ValidationResult.Invalid inv) {
          invalid.merge(inv.codes().get(0).toString(), 1, Integer::sum);
          continue;
        }
        Comment comment = result.validComment().orElseThrow();
        Verdict v = desks.get(i % 2).filter.check(comment, new SpamContext(null, token, null, null));
        byDecision.computeIfAbsent(v.decision(), d -> new long[2])[row.spam() ? 0 : 1]++;
        if (examples.size() < 6 && (i % 97 == 0)) {
          examples.add(String.format(Locale.ROOT, "  [%s, labelled %s] \"%s\"%n      -> %s: %s", row.video(),
              row.spam() ? "spam" : "ham", ArticlePageDemo.abbreviate(comment.contentText().replace('\n', ' '), 60),
              v.decision(), v.signals().isEmpty() ? "no signal"
                  : String.join("; ", v.signals().stream().map(sig -> sig.code()).toList())));
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "%,d YouTube comments from %s (%,d labelled spam) posted as replies%n", rows.size(), folder,
        rows.stream().filter(YouTubeComments.Row::spam).count());
    out.println("  decision     labelled spam   labelled ham");
    for (Decision d : Decision.values()) {
      long[] c = byDecision.getOrDefault(d, new long[2]);
      out.printf(Locale.ROOT, "  %-10s  %13d  %13d%n", d, c[0], c[1]);
    }
    if (!invalid.isEmpty()) {
      out.println("  refused by validation: " + invalid);
    }
    out.printf(Locale.ROOT, "Throughput: %,.0f comments per second (validation and every local spam check; one cold pass, %.1f s)%n",
        rows.size() / seconds, seconds);
    out.println("A few of them:");
    examples.forEach(out::println);
  }
}
