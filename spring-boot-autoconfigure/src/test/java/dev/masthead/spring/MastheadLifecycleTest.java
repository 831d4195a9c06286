package dev.masthead.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.ValidationResult;
import dev.masthead.comments.spam.Label;
import dev.masthead.comments.spam.SpamClassifier;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.ArticleLookup;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.InMemoryCounterStore;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RankingQuery;
import dev.masthead.testing.SampleArticles;
import dev.masthead.testing.SampleComments;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Counts and what the classifier learned survive a restart through their files. */
class MastheadLifecycleTest {
  static final Article ARTICLE = SampleArticles.bridgeVote().build();
  static final Article SECOND = SampleArticles.published("a2", "Ferry Schedule Changes for the Winter",
      SampleArticles.BRIDGE_VOTE_PUBLISHED).build();
  static final RankingQuery TOP = RankingQuery.top(RankingQuery.Window.lastHours(24), 5);

  @TempDir
  Path dir;

  private ApplicationContextRunner site(String... properties) {
    return new ApplicationContextRunner().withConfiguration(MastheadAutoConfigurationTest.MASTHEAD)
        .withBean(ArticleLookup.class, () -> ArticleLookup.of(List.of(ARTICLE, SECOND)))
        .withPropertyValues("masthead.ranking.result-cache-ttl=0s").withPropertyValues(properties);
  }

  @Test
  void aOneServerSiteRestartsWithItsCountsFromTheSnapshotFile() {
    Path file = dir.resolve("state/ranking.snapshot");
    String property = "masthead.ranking.snapshot.file=" + file;
    Instant now = Instant.now();
    site(property, "masthead.ranking.flush-interval=1m").run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(RankingSnapshots.class);
      RankingEngine engine = context.getBean(RankingEngine.class);
      engine.record(EngagementEvent.view(ArticleId.of("a1"), now));
      engine.record(EngagementEvent.view(ArticleId.of("a1"), now));
      engine.record(EngagementEvent.view(ArticleId.of("a2"), now)); // still buffered at shutdown: flushed by stop
    });
    assertThat(file).exists();
    site(property).run(context -> assertThat(context.getBean(RankingEngine.class).top(TOP).entries())
        .extracting(e -> e.articleId().value() + "=" + e.count(dev.masthead.ranking.EngagementKind.VIEW))
        .containsExactly("a1=2", "a2=1"));
  }

  @Test
  void snapshotNowFlushesAndWritesARestorableFile() throws Exception {
    Path file = dir.resolve("ranking.snapshot");
    site("masthead.ranking.snapshot.file=" + file, "masthead.ranking.flush-interval=1m").run(context -> {
      context.getBean(RankingEngine.class).record(EngagementEvent.view(ArticleId.of("a7"), Instant.now()));
      assertThat(context.getBean(RankingSnapshots.class).snapshotNow()).isTrue();
      InMemoryCounterStore fresh = InMemoryCounterStore.create(RankingConfig.defaults().layout());
      try (var in = Files.newInputStream(file)) {
        assertThat(fresh.restore(in, Instant.now())).isPositive();
      }
    });
  }

  @Test
  void anUnreadableSnapshotIsMovedAsideAndTheSiteStartsEmpty() throws Exception {
    Path file = dir.resolve("ranking.snapshot");
    Files.writeString(file, "not a snapshot");
    site("masthead.ranking.snapshot.file=" + file).run(context -> {
      assertThat(context).hasNotFailed();
      assertThat(context.getBean(RankingEngine.class).top(TOP).entries()).isEmpty();
    });
    try (Stream<Path> files = Files.list(dir)) {
      Path aside = files.filter(p -> p.getFileName().toString().startsWith("ranking.snapshot.unreadable-"))
          .findFirst().orElseThrow();
      assertThat(Files.readString(aside)).isEqualTo("not a snapshot");
    }
    assertThat(file).exists(); // written again at shutdown, from the empty store
  }

  @Test
  void withoutASnapshotFileNothingIsWritten() {
    site().run(context -> assertThat(context).doesNotHaveBean(RankingSnapshots.class));
  }

  private static ValidationResult.Valid valid(CommentValidator validator, String text) {
    SampleComments.Reply r = SampleComments.reply();
    return (ValidationResult.Valid) validator.validate(CommentSubmission.builder().articleId(ARTICLE.id().value())
        .authorName(r.authorName()).authorEmail(r.authorEmail()).content(text).ipAddress(r.ipAddress())
        .userAgent(r.userAgent()).submittedAt(Instant.now()).build());
  }

  @Test
  void whatModeratorsTaughtTheClassifierIsSavedAtShutdownAndReadAtStart() {
    Path file = dir.resolve("classifier.json");
    String property = "masthead.spam.classifier.file=" + file;
    site(property).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(SpamClassifier.class).hasSingleBean(ClassifierSnapshots.class);
      assertThat(context.getBean(SpamFilter.class).checks()).extracting(c -> c.name()).contains("classifier");
      CommentValidator validator = context.getBean(CommentValidator.class);
      SpamFilter filter = context.getBean(SpamFilter.class);
      for (String spam : SampleComments.spam()) {
        filter.feedback(valid(validator, spam).comment(), SpamContext.EMPTY, Label.SPAM);
      }
      for (String ham : SampleComments.ham()) {
        filter.feedback(valid(validator, ham).comment(), SpamContext.EMPTY, Label.HAM);
      }
    });
    assertThat(file).exists();
    site(property).run(context -> {
      SpamClassifier classifier = context.getBean(SpamClassifier.class);
      assertThat(classifier.spamExamples()).isEqualTo(SampleComments.spam().size());
      assertThat(classifier.hamExamples()).isEqualTo(SampleComments.ham().size());
    });
  }

  @Test
  void aTrainedModelResourceIsLoaded() throws Exception {
    SpamClassifier trained = SpamClassifier.trainer().seed(7).train(List.of(
        new SpamClassifier.Example("cheap pills here", Label.SPAM),
        new SpamClassifier.Example("thanks for the report", Label.HAM)));
    Path model = dir.resolve("model.json");
    try (OutputStream out = Files.newOutputStream(model)) {
      trained.save(out);
    }
    site("masthead.spam.classifier.model=file:" + model).run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(ClassifierSnapshots.class);
      assertThat(context.getBean(SpamClassifier.class).spamProbability("cheap pills here"))
          .isEqualTo(trained.spamProbability("cheap pills here"));
    });
  }

  @Test
  void aCorruptModelFailsTheStartNamingTheProperty() throws Exception {
    Path model = dir.resolve("model.json");
    Files.writeString(model, "{\"format\":\"something else\"}", StandardCharsets.UTF_8);
    site("masthead.spam.classifier.model=file:" + model).run(context ->
        assertThat(context).hasFailed().getFailure().rootCause().isNotNull());
    site("masthead.spam.classifier.model=file:" + model).run(context ->
        assertThat(context.getStartupFailure()).hasStackTraceContaining("masthead.spam.classifier"));
  }
}
