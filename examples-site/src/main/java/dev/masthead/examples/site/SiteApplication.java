package dev.masthead.examples.site;

import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.spam.FormTokens;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.core.Article;
import dev.masthead.examples.ArticlePageDemo;
import dev.masthead.examples.MutableClock;
import dev.masthead.ranking.RankingEngine;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masthead.core.json.MastheadModule;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The example news site: {@code GET /} redirects to the newest article; {@code /articles/{slug}} is the article
 * page; {@code /moderation} the moderation queue (login required); {@code /api/**} the JSON endpoints.
 *
 * <p>The sample articles are dated December 2025, so the site's clock starts at the sample's "now" and runs on
 * in real time, after thirty days of made-up engagement were replayed (unless
 * {@code masthead.site.sample-engagement=false}). Tests give the application their own {@link InstantSource}.
 */
@SpringBootApplication
@EnableConfigurationProperties(SiteProperties.class)
public class SiteApplication {
  /**
   * Starts the site.
   *
   * @param args Spring Boot's arguments, such as {@code --server.port=0} or {@code --masthead.redis.uri=...}
   */
  public static void main(String[] args) {
    SpringApplication.run(SiteApplication.class, args);
  }

  @Bean
  @ConditionalOnMissingBean
  InstantSource siteClock() {
    return new MutableClock(ArticlePageDemo.SAMPLE_NOW);
  }

  @Bean
  Catalog catalog(InstantSource clock) {
    try {
      List<Article> articles = new ArrayList<>(ArticlePageDemo.loadSampleCatalog());
      articles.addAll(archive());
      return new Catalog(articles, clock);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sample catalog", e);
    }
  }

  /**
   * Reads the site's archive: three November 2025 stories written for the site, so that "Popular Articles"
   * (30 days) holds stories that "Top 5 This Week" no longer does.
   *
   * @return the archive's articles
   * @throws IOException if the resource is missing or malformed
   */
  static List<Article> archive() throws IOException {
    ObjectMapper mapper = new ObjectMapper().registerModule(new MastheadModule());
    try (InputStream in = SiteApplication.class.getResourceAsStream("archive-articles.json")) {
      if (in == null) {
        throw new IOException("archive-articles.json is missing from the site's jar");
      }
      return mapper.readValue(in, new TypeReference<List<Article>>() {});
    }
  }

  @Bean
  CommentStore commentStore() {
    return new CommentStore();
  }

  @Bean
  UsedFormTokens usedFormTokens(MastheadWiring.CommentStores stores) {
    return new UsedFormTokens(stores.flood(), Duration.ofMillis(500));
  }

  @Bean
  CommentDesk commentDesk(CommentValidator validator, SpamFilter filter, FormTokens tokens,
      UsedFormTokens usedTokens, CommentStore store, RankingEngine ranking) {
    return new CommentDesk(validator, filter, tokens, usedTokens, store, ranking);
  }

  @Bean
  Boxes boxes(RankingEngine ranking, dev.masthead.related.RelatedArticles related, Catalog catalog) {
    return new Boxes(ranking, related, catalog);
  }

  @Bean
  VisitorIds visitorIds(SiteSecret secret) {
    return new VisitorIds(secret);
  }

  /** Replays the sample engagement before the server takes requests, then lets the clock run. */
  @Bean
  InitializingBean sampleEngagement(InstantSource clock, Catalog catalog, RankingEngine ranking,
      SiteProperties properties) {
    return () -> {
      if (!(clock instanceof MutableClock mutable)) {
        return; // a test's clock: the test makes its own engagement
      }
      if (properties.sampleEngagement()) {
        ArticlePageDemo.replaySampleEngagement(catalog.all(), ranking, mutable, ArticlePageDemo.SAMPLE_NOW,
            new PrintStream(System.out, true, StandardCharsets.UTF_8));
        mutable.set(ArticlePageDemo.SAMPLE_NOW);
      }
      mutable.run();
    };
  }
}
