package dev.masthead.examples.site;

import dev.masthead.core.Article;
import dev.masthead.core.Author;
import dev.masthead.core.Tag;
import dev.masthead.examples.site.ArticlePage.BoxItem;
import dev.masthead.ranking.EngagementKind;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RankingEntry;
import dev.masthead.ranking.RankingQuery;
import dev.masthead.related.RelatedArticle;
import dev.masthead.related.RelatedArticles;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The three boxes beside an article: "Top 5 This Week" (the last 7 days), "Popular Articles" (the last 30
 * days, so the two differ once the month's readers are not the week's), both without the article being read,
 * and "Related Posts" with a reason in words. Thread-safe.
 */
public final class Boxes {
  /** How many entries a box shows. */
  public static final int SIZE = 5;
  /** The window of "Top 5 This Week". */
  public static final Duration WEEK = Duration.ofDays(7);
  /** The window of "Popular Articles". */
  public static final Duration MONTH = Duration.ofDays(30);

  private final RankingEngine ranking;
  private final RelatedArticles related;
  private final Catalog catalog;

  Boxes(RankingEngine ranking, RelatedArticles related, Catalog catalog) {
    this.ranking = ranking;
    this.related = related;
    this.catalog = catalog;
  }

  List<BoxItem> topWeek(Article reading) {
    return top(WEEK, reading, "this week");
  }

  List<BoxItem> popular(Article reading) {
    return top(MONTH, reading, "in 30 days");
  }

  List<BoxItem> related(Article reading) {
    return related.related(reading.id(), SIZE).stream()
        .map(r -> new BoxItem(r.article().headline(), Catalog.path(r.article()), reason(r)))
        .toList();
  }

  private List<BoxItem> top(Duration window, Article reading, String when) {
    RankingQuery query = RankingQuery.builder(new RankingQuery.Rolling(window)).limit(SIZE).exclude(reading.id())
        .build();
    return ranking.top(query).entries().stream()
        .flatMap(e -> catalog.find(e.articleId()).stream()
            .map(a -> new BoxItem(a.headline(), Catalog.path(a), counts(e) + " " + when)))
        .toList();
  }

  static String counts(RankingEntry e) {
    long views = e.count(EngagementKind.VIEW);
    long comments = e.count(EngagementKind.COMMENT);
    String text = String.format(Locale.ROOT, "%,d %s", views, views == 1 ? "view" : "views");
    return comments == 0 ? text
        : text + String.format(Locale.ROOT, " · %,d %s", comments, comments == 1 ? "comment" : "comments");
  }

  /** Why a post is related, as a reader would put it: "Also about the harbor bridge · Also in Local". */
  static String reason(RelatedArticle r) {
    StringBuilder why = new StringBuilder();
    if (!r.sharedAuthors().isEmpty()) {
      append(why, "Also by " + r.sharedAuthors().stream().map(Author::name).collect(Collectors.joining(" and ")));
    }
    if (!r.sharedTags().isEmpty()) {
      append(why, "Also tagged " + r.sharedTags().stream().limit(2).map(Tag::name).collect(Collectors.joining(", ")));
    }
    if (r.basis() == RelatedArticle.Basis.CONTENT && !r.matchingTerms().isEmpty()) {
      append(why, "Also mentions " + String.join(", ", r.matchingTerms().subList(0, Math.min(3, r.matchingTerms().size()))));
    }
    String section = r.article().section() == null ? null : r.article().section().name();
    if (r.basis() == RelatedArticle.Basis.RECENT_IN_SECTION && section != null) {
      append(why, "More recent news in " + section);
    } else if (r.basis() == RelatedArticle.Basis.RECENT) {
      append(why, "Recent news");
    } else if (r.sameSection() && section != null && why.length() == 0) {
      append(why, "Also in " + section);
    }
    return why.length() == 0 ? "Related" : why.toString();
  }

  private static void append(StringBuilder sb, String part) {
    if (sb.length() > 0) {
      sb.append(" · ");
    }
    sb.append(part);
  }
}
