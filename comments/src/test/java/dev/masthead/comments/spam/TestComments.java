package dev.masthead.comments.spam;

import dev.masthead.comments.ClientInfo;
import dev.masthead.comments.Comment;
import dev.masthead.comments.SafeHtml;
import dev.masthead.comments.links.LinkFinder;
import dev.masthead.core.ArticleId;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/** Comments for spam tests, built directly with the validator's link detector (the validator's own tests cover how they are made). */
final class TestComments {
  static final Instant NOW = Instant.parse("2025-12-07T18:00:00Z");

  private TestComments() {}

  static Comment text(String text) {
    return html(org.jsoup.nodes.Entities.escape(text));
  }

  static Comment html(String html) {
    return of("a1", null, "Ann Reader", "ann@example.com", "203.0.113.7", html, NOW);
  }

  static Comment of(String article, @Nullable String parent, String name, String email, @Nullable String ip, String html,
      Instant at) {
    SafeHtml safe = SafeHtml.sanitize(html);
    Document doc = Jsoup.parseBodyFragment(safe.html());
    List<String> links = LinkFinder.find(doc.select("a[href]").eachAttr("href"), doc.body().text());
    return new Comment(ArticleId.of(article), parent, name, email, (URI) null, safe, doc.body().text(), links,
        new ClientInfo(ip, "Mozilla/5.0 (X11; Linux x86_64)", "https://news.example.com/"), at);
  }
}
