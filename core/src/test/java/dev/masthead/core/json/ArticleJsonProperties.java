package dev.masthead.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleStatus;
import dev.masthead.core.Author;
import dev.masthead.core.LeadImage;
import dev.masthead.core.Section;
import dev.masthead.core.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class ArticleJsonProperties {
  static final long SEED = 0x15_0_2026L;
  private final ObjectMapper mapper = new ObjectMapper().registerModule(new MastheadModule());

  /** Text of any code points that is not blank (the model's rule for names and headlines). */
  static Gen<String> text(int max) {
    return strings().allPossible().ofLengthBetween(1, max)
        .mix(strings().basicLatinAlphabet().ofLengthBetween(1, max), 50)
        .assuming(s -> !s.isBlank());
  }

  static Gen<Article> articles() {
    Gen<String> headline = text(120);
    Gen<String> body = strings().allPossible().ofLengthBetween(0, 300);
    Gen<Integer> small = integers().between(0, 3);
    Gen<Long> seconds = longs().between(0, 4_000_000_000L);
    Gen<Integer> nanos = integers().between(0, 999_999_999);
    Gen<Boolean> flag = booleans().all();
    return in -> {
      Article.Builder b = Article.builder()
          .id("id-" + integers().between(0, 1_000_000).generate(in))
          .headline(headline.generate(in))
          .bodyHtml(body.generate(in));
      if (flag.generate(in)) {
        b.dek(text(200).generate(in));
      }
      for (int i = small.generate(in); i > 0; i--) {
        b.author(flag.generate(in) ? Author.of(text(40).generate(in))
            : new Author(text(40).generate(in), URI.create("https://example.com/p/" + i)));
      }
      if (flag.generate(in)) {
        b.section(Section.of(text(40).generate(in)));
      }
      for (int i = small.generate(in); i > 0; i--) {
        b.tag(Tag.of(text(30).generate(in)));
      }
      ArticleStatus status = ArticleStatus.values()[small.generate(in)];
      b.status(status);
      if (status == ArticleStatus.PUBLISHED || status == ArticleStatus.SCHEDULED || flag.generate(in)) {
        Instant published = Instant.ofEpochSecond(seconds.generate(in), nanos.generate(in));
        b.publishedAt(published);
        if (flag.generate(in)) {
          b.updatedAt(published.plusSeconds(seconds.generate(in) % 100_000));
        }
      }
      if (flag.generate(in)) {
        b.canonicalUrl("https://news.example.com/a/" + small.generate(in));
      }
      if (flag.generate(in)) {
        b.leadImage(new LeadImage(URI.create("https://img.example.com/x.jpg"), text(50).generate(in),
            flag.generate(in) ? null : text(30).generate(in)));
      }
      b.language(new Locale[] {Locale.ROOT, Locale.US, Locale.GERMANY, Locale.forLanguageTag("zh-Hant-TW")}[small.generate(in)]);
      return b.build();
    };
  }

  @Test
  void everyArticleRoundTripsThroughJson() {
    qt().withFixedSeed(SEED).withExamples(1000).forAll(articles()).checkAssert(article -> {
      String json;
      try {
        json = mapper.writeValueAsString(article);
        assertThat(mapper.readValue(json, Article.class)).isEqualTo(article);
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void jsonLdIsValidJsonForEveryArticle() {
    qt().withFixedSeed(SEED).withExamples(500).forAll(articles()).checkAssert(article -> {
      String jsonLd = NewsArticleJsonLd.write(article);
      assertThat(jsonLd).doesNotContain("<").doesNotContain(">");
      try {
        assertThat(mapper.readTree(jsonLd).get("headline").asText()).isEqualTo(article.headline());
      } catch (java.io.IOException e) {
        throw new AssertionError(e);
      }
    });
  }
}
