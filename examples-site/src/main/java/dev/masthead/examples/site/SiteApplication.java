package dev.masthead.examples.site;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masthead.comments.spam.FloodStore;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.masthead.comments.spam.FormTokens;
import dev.masthead.comments.spam.Label;
import dev.masthead.comments.spam.SpamClassifier;
import dev.masthead.core.Article;
import dev.masthead.core.json.MastheadModule;
import dev.masthead.examples.ArticlePageDemo;
import dev.masthead.examples.MutableClock;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.related.RelatedArticles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The example news site: {@code GET /} redirects to the newest article; {@code /articles/{slug}} is the article
 * page; {@code /moderation} the moderation queue (login required); {@code /api/**} the JSON endpoints.
 *
 * <p>The Masthead beans (validator, spam filter, ranking engine, related-posts index, Redis stores when
 * {@code masthead.redis.uri} is set) come from {@code masthead-spring-boot-starter}; this class declares only
 * what a host must provide: its catalog (the {@link dev.masthead.core.ArticleLookup}), its comment storage (the
 * {@link dev.masthead.comments.ParentLookup}), the form tokens under its secret, and its clock.
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

  /** The site secret: {@code masthead.spam.stores.site-secret}, the same on every server, or random per process. */
  @Bean
  SiteSecret siteSecret(Environment env) {
    String configured = env.getProperty("masthead.spam.stores.site-secret");
    return configured == null || configured.isBlank() ? SiteSecret.random() : SiteSecret.of(configured);
  }

  /** The form tokens, keyed by a key derived from the site secret (so every server verifies every server's). */
  @Bean
  FormTokens formTokens(SiteSecret secret, InstantSource clock) {
    return FormTokens.create(secret.derive("form-token"), clock);
  }

  /**
   * The learned classifier of the spam filter (the starter adds a {@link SpamClassifier} bean to its checks):
   * trained at start on the 40 labelled sample comments written for the project, then taught by every
   * moderator's Approve and Spam. A site that has a trained model sets {@code masthead.spam.classifier.model}
   * instead, and {@code masthead.spam.classifier.file} to keep what moderators taught it.
   *
   * @return the classifier
   */
  @Bean
  @ConditionalOnMissingBean
  SpamClassifier sampleClassifier() {
    List<SpamClassifier.Example> examples = new ArrayList<>();
    try (InputStream in = ArticlePageDemo.class.getResourceAsStream("sample-comments.csv")) {
      if (in == null) {
        throw new IOException("sample-comments.csv is missing from the examples jar");
      }
      MappingIterator<Map<String, String>> rows = new CsvMapper().readerFor(Map.class)
          .with(CsvSchema.emptySchema().withHeader()).readValues(in);
      while (rows.hasNextValue()) {
        Map<String, String> row = rows.nextValue();
        examples.add(new SpamClassifier.Example(row.get("content"), "spam".equals(row.get("label")) ? Label.SPAM : Label.HAM));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sample comments", e);
    }
    return SpamClassifier.trainer().train(examples);
  }

  @Bean
  CommentStore commentStore() {
    return new CommentStore();
  }

  /** Used form tokens go where flood times go: Redis when the starter made a shared store, memory otherwise. */
  @Bean
  UsedFormTokens usedFormTokens(ObjectProvider<FloodStore> shared, InstantSource clock) {
    return new UsedFormTokens(shared.getIfAvailable(() -> FloodStore.inMemory(clock)), Duration.ofMillis(500));
  }

  @Bean
  CommentDesk commentDesk(dev.masthead.comments.CommentValidator validator, dev.masthead.comments.spam.SpamFilter filter,
      FormTokens tokens, UsedFormTokens usedTokens, CommentStore store, RankingEngine ranking) {
    return new CommentDesk(validator, filter, tokens, usedTokens, store, ranking);
  }

  @Bean
  Boxes boxes(RankingEngine ranking, RelatedArticles related, Catalog catalog) {
    return new Boxes(ranking, related, catalog);
  }

  @Bean
  VisitorIds visitorIds(SiteSecret secret) {
    return new VisitorIds(secret);
  }

  /** Fills the starter's related-posts index from the catalog. */
  @Bean
  InitializingBean relatedIndex(RelatedArticles related, Catalog catalog) {
    return () -> related.putAll(catalog.all());
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
