package dev.masthead.examples.web;

import com.sun.net.httpserver.HttpServer;
import dev.masthead.comments.spam.FormTokens;
import dev.masthead.core.Article;
import dev.masthead.examples.ArticlePageDemo;
import dev.masthead.examples.MutableClock;
import dev.masthead.examples.web.ArticleView.BoxItem;
import dev.masthead.examples.web.ArticleView.Boxes;
import dev.masthead.ranking.EngagementKind;
import dev.masthead.ranking.RankingEntry;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RankingQuery;
import dev.masthead.related.RelatedArticle;
import dev.masthead.related.RelatedArticles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A small news site that embeds every Masthead module, on the JDK's built-in HTTP server, bound to 127.0.0.1.
 *
 * <ul>
 *   <li>{@code GET /} redirects to the newest article;</li>
 *   <li>{@code GET /articles/{slug}}: the article page, with "Top 5 This Week", "Popular Articles" and "Related
 *       Posts", the approved comments and the "Leave a reply" form; each view is an engagement event;</li>
 *   <li>{@code POST /articles/{slug}}: the reply form, answered with the page, its field messages or verdict;</li>
 *   <li>{@code GET /api/top}, {@code GET /api/related/{id}}, {@code POST /api/comments}, {@code POST /api/events}:
 *       JSON (see {@link JsonApi}).</li>
 * </ul>
 *
 * <p>Everything lives in memory and is gone when the site stops. Run it with {@link #main}.
 */
public final class NewsSite {
  private final Catalog catalog;
  private final RankingEngine ranking;
  private final RelatedArticles related;
  private final CommentDesk comments;
  private final HttpServer server;
  private final ExecutorService executor;

  private NewsSite(Builder b) throws IOException {
    this.catalog = new Catalog(b.articles, b.clock);
    this.ranking = RankingEngine.builder().clock(b.clock).articles(catalog::find).build();
    this.related = RelatedArticles.builder().clock(b.clock).build();
    related.putAll(catalog.all());
    FormTokens tokens = FormTokens.create(b.formTokenKey, b.clock);
    this.comments = new CommentDesk(catalog, tokens, ranking, b.clock);

    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), b.port), 0);
    server.createContext("/", Exchanges.guarded(new ArticlePages(this, new ArticleView(b.zone), tokens, b.clock), false));
    server.createContext("/api/", Exchanges.guarded(new JsonApi(this, b.clock), true));
    this.executor = Executors.newFixedThreadPool(4);
    server.setExecutor(executor);
  }

  /**
   * Returns a builder.
   *
   * @return a builder with the system clock, port 0 (any free port), the newsroom zone America/New_York and
   *     a random form-token key
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Starts serving. */
  public void start() {
    server.start();
  }

  /** Stops serving at once and frees the port and the threads. */
  public void stop() {
    server.stop(0);
    executor.shutdownNow();
    ranking.close();
  }

  /**
   * Returns the port the site listens on.
   *
   * @return the bound port (the one the system chose when built with port 0)
   */
  public int port() {
    return server.getAddress().getPort();
  }

  Catalog catalog() {
    return catalog;
  }

  RankingEngine ranking() {
    return ranking;
  }

  RelatedArticles related() {
    return related;
  }

  CommentDesk comments() {
    return comments;
  }

  /** The three boxes beside an article. */
  Boxes boxes(Article article) {
    List<BoxItem> related = this.related.related(article.id(), 5).stream()
        .map(r -> new BoxItem(r.article().headline(), Catalog.path(r.article()), note(r)))
        .toList();
    return new Boxes(top(RankingQuery.Window.lastDays(7)), top(RankingQuery.Window.lastDays(30)), related);
  }

  /** Why a post is related: the first words the two articles share, or its section for a fallback entry. */
  private static String note(RelatedArticle r) {
    List<String> terms = r.matchingTerms();
    if (!terms.isEmpty()) {
      return "About " + String.join(", ", terms.subList(0, Math.min(3, terms.size())));
    }
    return r.article().section() == null ? "" : r.article().section().name();
  }

  private List<BoxItem> top(RankingQuery.Window window) {
    return ranking.top(RankingQuery.top(window, 5)).entries().stream()
        .flatMap(e -> catalog.find(e.articleId()).stream().map(a -> new BoxItem(a.headline(), Catalog.path(a), note(e))))
        .toList();
  }

  private static String note(RankingEntry e) {
    long views = e.count(EngagementKind.VIEW);
    long comments = e.count(EngagementKind.COMMENT);
    return views + (views == 1 ? " view" : " views") + (comments == 0 ? ""
        : " · " + comments + (comments == 1 ? " comment" : " comments"));
  }

  /**
   * Starts the site on the sample catalog and prints its address.
   *
   * @param args optional: the port (default 8080; 0 for any free port)
   * @throws IOException if the sample catalog cannot be read or the port cannot be bound
   */
  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    // The sample articles are dated December 2025: the site's clock starts at the sample's "now" and runs on in
    // real time, after thirty days of made-up engagement are replayed so the boxes are not empty.
    List<Article> catalog = loadSampleCatalog();
    MutableClock clock = new MutableClock(ArticlePageDemo.SAMPLE_NOW);
    NewsSite site = builder().articles(catalog).clock(clock).port(port).build();
    ArticlePageDemo.replaySampleEngagement(catalog, site.ranking(), clock, ArticlePageDemo.SAMPLE_NOW, System.out);
    clock.set(ArticlePageDemo.SAMPLE_NOW);
    clock.run();
    site.start();
    Runtime.getRuntime().addShutdownHook(new Thread(site::stop));
    System.out.println("Masthead news site: http://127.0.0.1:" + site.port() + "/  (Ctrl+C to stop)");
  }

  /**
   * Reads the sample catalog shipped in this module ({@code sample-articles.json}, written for the project).
   *
   * @return the articles
   * @throws IOException if the resource is missing or malformed
   */
  public static List<Article> loadSampleCatalog() throws IOException {
    return ArticlePageDemo.loadSampleCatalog();
  }

  /** Builds a {@link NewsSite}; setters check their value at once. Not thread-safe. */
  public static final class Builder {
    private List<Article> articles = List.of();
    private InstantSource clock = InstantSource.system();
    private int port;
    private ZoneId zone = ZoneId.of("America/New_York");
    private byte[] formTokenKey;

    private Builder() {
      formTokenKey = new byte[32];
      new SecureRandom().nextBytes(formTokenKey);
    }

    /**
     * Sets the catalog.
     *
     * @param articles the site's articles; ids and slugs must be unique
     * @return this builder
     * @throws NullPointerException if {@code articles} or an element is null
     */
    public Builder articles(List<Article> articles) {
      this.articles = List.copyOf(articles);
      return this;
    }

    /**
     * Sets the clock (default the system clock); tests pass one they move.
     *
     * @param clock the time source for page views, form tokens, comments and rankings
     * @return this builder
     * @throws NullPointerException if {@code clock} is null
     */
    public Builder clock(InstantSource clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the port on 127.0.0.1 (default 0: any free port, see {@link NewsSite#port()}).
     *
     * @param port 0 to 65535
     * @return this builder
     * @throws IllegalArgumentException if {@code port} is out of range
     */
    public Builder port(int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("port must be in [0, 65535], was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Sets the newsroom's time zone, for datelines (default America/New_York).
     *
     * @param zone the zone
     * @return this builder
     * @throws NullPointerException if {@code zone} is null
     */
    public Builder zone(ZoneId zone) {
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Sets the secret key of the form tokens (default 32 random bytes, so tokens die with the process).
     *
     * @param key at least 32 bytes; copied
     * @return this builder
     * @throws IllegalArgumentException if {@code key} is shorter than 32 bytes
     */
    public Builder formTokenKey(byte[] key) {
      if (key.length < 32) {
        throw new IllegalArgumentException("formTokenKey must be at least 32 bytes, was " + key.length);
      }
      this.formTokenKey = key.clone();
      return this;
    }

    /**
     * Builds the site and binds its port; call {@link NewsSite#start()} to serve.
     *
     * @return the site
     * @throws IllegalArgumentException if two articles share an id or a slug
     * @throws UncheckedIOException if the port cannot be bound
     */
    public NewsSite build() {
      try {
        return new NewsSite(this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot bind 127.0.0.1:" + port, e);
      }
    }
  }
}
