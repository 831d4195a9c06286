package dev.masthead.related;

import dev.masthead.core.Article;
import dev.masthead.core.ArticleStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Random catalogs for property tests: articles from small vocabularies, so that they overlap. */
final class Catalogs {
  private static final String[] WORDS = {
    "harbour", "budget", "council", "vote", "storm", "coast", "ferry", "strike", "museum", "opera", "wheat",
    "drought", "election", "tram", "bridge", "school", "river", "festival", "market", "police", "court", "fire",
    "北京", "马拉松", "Überschwemmung", "café", "minister", "league", "season", "report"
  };
  private static final String[] TAGS = {"Arts", "Climate", "Transport", "Crime", "Food", "Sport"};
  private static final String[] SECTIONS = {"Local", "Politics", "Business", "Culture"};
  private static final String[] AUTHORS = {"Ada Byline", "Ben Reporter", "Cy Desk", "AP"};

  private Catalogs() {}

  /** One article per seed, with ids {@code a0}, {@code a1}, …; publication within 60 days of {@code now}. */
  static List<Article> of(List<Integer> seeds, Instant now) {
    List<Article> articles = new ArrayList<>(seeds.size());
    for (int i = 0; i < seeds.size(); i++) {
      articles.add(article("a" + i, new Random(seeds.get(i)), now));
    }
    return articles;
  }

  private static Article article(String id, Random r, Instant now) {
    Article.Builder b = Article.builder().id(id).headline(words(r, 1 + r.nextInt(5)));
    if (r.nextBoolean()) {
      b.dek(words(r, r.nextInt(8)));
    }
    if (r.nextInt(4) == 0) {
      b.bodyHtml("<p>" + words(r, r.nextInt(30)) + "</p>");
    }
    for (int t = r.nextInt(3); t > 0; t--) {
      b.tag(TAGS[r.nextInt(TAGS.length)]);
    }
    if (r.nextInt(4) > 0) {
      b.section(SECTIONS[r.nextInt(SECTIONS.length)]);
    }
    for (int a = r.nextInt(3); a > 0; a--) {
      b.author(AUTHORS[r.nextInt(AUTHORS.length)]);
    }
    ArticleStatus status = ArticleStatus.values()[r.nextInt(ArticleStatus.values().length)];
    b.status(status);
    // mostly in the past, some in the future; whole hours so that ties on publishedAt happen
    Instant published = now.minus(Duration.ofHours(r.nextInt(60 * 24) - 24 * 3)).truncatedTo(
        java.time.temporal.ChronoUnit.DAYS);
    if (status != ArticleStatus.DRAFT || r.nextBoolean()) {
      b.publishedAt(published);
    }
    return b.build();
  }

  private static String words(Random r, int n) {
    StringBuilder sb = new StringBuilder("the");
    for (int i = 0; i < n; i++) {
      sb.append(' ').append(WORDS[r.nextInt(WORDS.length)]);
    }
    return sb.toString();
  }
}
