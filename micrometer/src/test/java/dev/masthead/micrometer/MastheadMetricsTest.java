package dev.masthead.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.comments.Comment;
import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.ValidationResult;
import dev.masthead.comments.spam.Signal;
import dev.masthead.comments.spam.SpamCheck;
import dev.masthead.comments.spam.SpamChecks;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.ArticleLookup;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.related.RelatedArticles;
import dev.masthead.testing.SampleArticles;
import dev.masthead.testing.SampleComments;
import dev.masthead.testing.TestClock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MastheadMetricsTest {
  static final Instant NOW = SampleArticles.BRIDGE_VOTE_PUBLISHED.plus(Duration.ofDays(1));
  static final Article ARTICLE = SampleArticles.bridgeVote().build();

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final TestClock clock = new TestClock(NOW);

  private static CommentSubmission.Builder reply() {
    SampleComments.Reply r = SampleComments.reply();
    return CommentSubmission.builder().articleId(ARTICLE.id().value()).authorName(r.authorName())
        .authorEmail(r.authorEmail()).authorUrl(r.authorUrl()).content(r.content()).ipAddress(r.ipAddress())
        .userAgent(r.userAgent()).referrer(r.referrer());
  }

  private CommentValidator validator(CommentValidationMetrics metrics) {
    return CommentValidator.builder().articles(ArticleLookup.of(List.of(ARTICLE))).clock(clock).listener(metrics)
        .build();
  }

  private double count(String name, String... tags) {
    return registry.get(name).tags(tags).meter().measure().iterator().next().getValue();
  }

  /** No meter of the registry names a commenter, an address or an article. */
  private void assertNoPersonalTags() {
    for (Meter m : registry.getMeters()) {
      for (Tag t : m.getId().getTags()) {
        assertThat(t.getValue()).doesNotContain("@").doesNotContain("203.0.113").isNotEqualTo(ARTICLE.id().value());
      }
    }
  }

  @Test
  void validationsAreCountedByResultAndFieldErrorsByFieldAndCode() {
    CommentValidationMetrics metrics = new CommentValidationMetrics();
    metrics.bindTo(registry);
    CommentValidator validator = validator(metrics);
    assertThat(validator.validate(reply().build()).isValid()).isTrue();
    assertThat(validator.validate(reply().content("").authorEmail("").build()).isValid()).isFalse();
    assertThat(registry.get("masthead.comments.validations").tag("result", "valid").counter().count()).isEqualTo(1);
    assertThat(registry.get("masthead.comments.validations").tag("result", "invalid").counter().count()).isEqualTo(1);
    assertThat(registry.get("masthead.comments.field.errors").tags("field", "content", "code", "content.required")
        .counter().count()).isEqualTo(1);
    assertThat(registry.get("masthead.comments.field.errors").tags("field", "email", "code", "email.required")
        .counter().count()).isEqualTo(1);
    assertNoPersonalTags();
  }

  @Test
  void resultsBeforeBindingAreNotCountedAndBindingTwiceCountsInBoth() {
    CommentValidationMetrics metrics = new CommentValidationMetrics();
    CommentValidator validator = validator(metrics);
    validator.validate(reply().build());
    metrics.bindTo(registry);
    SimpleMeterRegistry second = new SimpleMeterRegistry();
    metrics.bindTo(second);
    validator.validate(reply().build());
    assertThat(registry.get("masthead.comments.validations").tag("result", "valid").counter().count()).isEqualTo(1);
    assertThat(second.get("masthead.comments.validations").tag("result", "valid").counter().count()).isEqualTo(1);
  }

  @Test
  void spamVerdictsChecksAndRefusalsAreTimedAndCounted() {
    SpamFilterMetrics metrics = new SpamFilterMetrics();
    metrics.bindTo(registry);
    SpamCheck broken = new SpamCheck() {
      @Override
      public String name() {
        return "broken";
      }

      @Override
      public List<Signal> check(Comment comment, SpamContext context) {
        throw new IllegalStateException("down");
      }
    };
    SpamFilter filter = SpamFilter.builder().check(SpamChecks.honeypot()).check(SpamChecks.flood(clock))
        .listener(metrics).build();
    SpamFilter failing = SpamFilter.builder().check(SpamChecks.honeypot()).check(broken).listener(metrics).build();
    CommentValidator validator = CommentValidator.builder().articles(ArticleLookup.of(List.of(ARTICLE))).clock(clock)
        .build();
    Comment comment = ((ValidationResult.Valid) validator.validate(reply().submittedAt(NOW).build())).comment();
    filter.check(comment, SpamContext.EMPTY); // approved
    filter.check(comment, SpamContext.EMPTY); // a flood: refused
    filter.check(comment, new SpamContext("filled", null, null, null)); // the honeypot: discarded
    failing.check(comment, SpamContext.EMPTY); // held: the broken check failed

    assertThat(registry.get("masthead.spam.verdicts").tag("decision", "approve").timer().count()).isEqualTo(1);
    assertThat(registry.get("masthead.spam.verdicts").tag("decision", "hold").timer().count()).isEqualTo(1);
    assertThat(registry.get("masthead.spam.verdicts").tag("decision", "discard").timer().count()).isEqualTo(2);
    assertThat(registry.get("masthead.spam.refusals").tag("refusal", "flood").counter().count()).isEqualTo(1);
    assertThat(registry.get("masthead.spam.checks").tags("check", "honeypot", "outcome", "clean").timer().count())
        .isEqualTo(3);
    assertThat(registry.get("masthead.spam.checks").tags("check", "honeypot", "outcome", "signal").timer().count())
        .isEqualTo(1);
    assertThat(registry.get("masthead.spam.checks").tags("check", "broken", "outcome", "failed").timer().count())
        .isEqualTo(1);
    assertThat(registry.get("masthead.spam.checks").tags("check", "flood", "outcome", "signal").timer().count())
        .isEqualTo(1);
    assertNoPersonalTags();
  }

  @Test
  void checkNamesBeyondTheCapAreTaggedOther() {
    SpamFilterMetrics metrics = new SpamFilterMetrics();
    metrics.bindTo(registry);
    for (int i = 0; i < SpamFilterMetrics.MAX_CHECK_NAMES + 10; i++) {
      metrics.checkCompleted("check" + i, SpamFilter.CheckOutcome.CLEAN, Duration.ofMillis(1));
    }
    assertThat(registry.find("masthead.spam.checks").tag("outcome", "clean").timers())
        .hasSize(SpamFilterMetrics.MAX_CHECK_NAMES + 1);
    assertThat(registry.get("masthead.spam.checks").tags("check", "other", "outcome", "clean").timer().count())
        .isEqualTo(10);
  }

  @Test
  void rankingEventsFlushesAndStoreCellsAreMeasured() {
    RankingFlushMetrics flushes = new RankingFlushMetrics();
    flushes.bindTo(registry);
    try (RankingEngine engine = RankingEngine.builder().clock(clock).listener(flushes)
        .recordCacheStats(CacheMetrics.statsCounter(registry, CacheMetrics.RANKING_RESULTS)).build()) {
      new RankingMetrics(engine, clock::millis, Duration.ZERO).bindTo(registry);
      engine.record(EngagementEvent.view(ARTICLE.id(), NOW));
      engine.record(EngagementEvent.view(ArticleId.of("a2"), NOW));
      engine.record(EngagementEvent.view(ARTICLE.id(), NOW).withVisitor(null, "Googlebot/2.1"));
      engine.record(EngagementEvent.view(ARTICLE.id(), NOW.minus(Duration.ofDays(3))));
      assertThat(engine.flush()).isTrue();
      engine.top(dev.masthead.ranking.RankingQuery.top(dev.masthead.ranking.RankingQuery.Window.lastHours(24), 5));
      engine.top(dev.masthead.ranking.RankingQuery.top(dev.masthead.ranking.RankingQuery.Window.lastHours(24), 5));

      assertThat(count("masthead.ranking.events", "outcome", "accepted", "reason", "none")).isEqualTo(2);
      assertThat(count("masthead.ranking.events", "outcome", "rejected", "reason", "crawler")).isEqualTo(1);
      assertThat(count("masthead.ranking.events", "outcome", "rejected", "reason", "too_late")).isEqualTo(1);
      assertThat(count("masthead.ranking.events.delivered")).isEqualTo(2);
      assertThat(count("masthead.ranking.events.dropped")).isZero();
      assertThat(count("masthead.ranking.events.buffered")).isZero();
      assertThat(count("masthead.ranking.store.cells")).isPositive();
      assertThat(count("masthead.ranking.store.available")).isEqualTo(1);
      assertThat(registry.get("masthead.ranking.flushes").tag("result", "complete").timer().count()).isPositive();
      assertThat(registry.get("masthead.ranking.store.batches").tag("result", "delivered").timer().count())
          .isEqualTo(1);
      assertThat(registry.get("cache.gets").tags("cache", CacheMetrics.RANKING_RESULTS, "result", "hit")
          .counter().count()).isEqualTo(1);
    }
    assertNoPersonalTags();
  }

  @Test
  void relatedQueriesAreTimedByCacheAndTheResultCacheGoesThroughTheCaffeineBinder() {
    RelatedMetrics metrics = new RelatedMetrics();
    metrics.bindTo(registry);
    RelatedArticles related = RelatedArticles.builder().clock(clock).listener(metrics)
        .recordCacheStats(CacheMetrics.statsCounter(registry, CacheMetrics.RELATED_RESULTS)).build();
    related.put(ARTICLE);
    related.put(SampleArticles.published("a2", "Harbor Bridge Repairs Begin", SampleArticles.BRIDGE_VOTE_PUBLISHED)
        .build());
    related.related(ARTICLE.id(), 3);
    related.related(ARTICLE.id(), 3);
    assertThat(registry.get("masthead.related.queries").tag("cache", "miss").timer().count()).isEqualTo(1);
    assertThat(registry.get("masthead.related.queries").tag("cache", "hit").timer().count()).isEqualTo(1);
    assertThat(registry.get("masthead.related.results").summary().count()).isEqualTo(2);
    assertThat(registry.get("cache.gets").tags("cache", CacheMetrics.RELATED_RESULTS, "result", "hit")
        .counter().count()).isEqualTo(1);
    assertThat(registry.get("cache.gets").tags("cache", CacheMetrics.RELATED_RESULTS, "result", "miss")
        .counter().count()).isEqualTo(1);
  }
}
