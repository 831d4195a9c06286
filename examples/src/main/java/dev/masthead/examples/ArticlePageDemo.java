package dev.masthead.examples;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.spam.SpamClassifier;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.comments.spam.Verdict;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.ArticleStatus;
import dev.masthead.core.Author;
import dev.masthead.core.BackendUnavailableException;
import dev.masthead.core.Section;
import dev.masthead.core.Tag;
import dev.masthead.core.json.MastheadModule;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.EngagementKind;
import dev.masthead.ranking.Ranking;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RankingEntry;
import dev.masthead.ranking.RankingQuery;
import dev.masthead.redis.RedisConnection;
import dev.masthead.redis.RedisCounterStore;
import dev.masthead.related.RelatedArticle;
import dev.masthead.related.RelatedArticles;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The article-page demo: prints a news article page as a reader sees it, with its "Top 5 This Week",
 * "Popular Articles", "Related Posts" and "Leave a reply" boxes, all computed by Masthead.
 *
 * <p>With no arguments it runs on sample data written for the project and shipped in this module: nine
 * articles, thirty days of engagement made up from a fixed seed, and a handful of replies. Options switch each
 * part to a real data set (read by path, never copied):
 * <ul>
 *   <li>{@code --articles PATH}: the HuffPost News Category JSON Lines (a file or its folder) as the catalog;</li>
 *   <li>{@code --pageviews FILE}: Wikipedia's hourly page views replayed as engagement (each row one event of
 *       weight {@code count_views} in its hour; "now" is the end of the data); the boxes then rank pages;</li>
 *   <li>{@code --comments FOLDER}: every comment of the YouTube Spam Collection through validation and the spam
 *       filter, with a summary of the decisions;</li>
 *   <li>{@code --article ID}: the article to show (default: the newest of the catalog);</li>
 *   <li>{@code --zone ZONE}: the newsroom's time zone (default America/New_York);</li>
 *   <li>{@code --redis URI}: count in Redis (for example {@code redis://127.0.0.1:6379}) through
 *       {@link RedisCounterStore}, namespace {@value #REDIS_NAMESPACE}, as several app servers would share the
 *       counts; a second run adds its events to the first's, as a second server would.</li>
 * </ul>
 * Malformed lines in an input file are skipped with a warning that names the file and line; a missing file
 * ends the program with a one-line error (exit status 2), never a stack trace.
 */
public final class ArticlePageDemo {
  static final ZoneId NEWSROOM_ZONE = ZoneId.of("America/New_York");
  /** The sample data's "now": the evening of Sunday, December 7, 2025, in New York. */
  public static final Instant SAMPLE_NOW = Instant.parse("2025-12-07T18:00:00Z");
  private static final int WIDTH = 78;
  /** The Redis namespace of {@code --redis}. */
  static final String REDIS_NAMESPACE = "masthead-demo";

  /** The command line. */
  record Options(Path articles, Path pageviews, Path comments, String article, ZoneId zone, String redis) {
    static Options parse(String[] args) {
      Map<String, String> values = new HashMap<>();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--help") || a.equals("-h")) {
          throw new IllegalArgumentException("");
        }
        if (!List.of("--articles", "--pageviews", "--comments", "--article", "--zone", "--redis").contains(a)) {
          throw new IllegalArgumentException("unknown option " + a);
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(a + " needs a value");
        }
        values.put(a, args[++i]);
      }
      ZoneId zone;
      try {
        zone = values.containsKey("--zone") ? ZoneId.of(values.get("--zone")) : NEWSROOM_ZONE;
      } catch (java.time.DateTimeException e) {
        throw new IllegalArgumentException("--zone: unknown time zone " + values.get("--zone"));
      }
      String redis = values.get("--redis");
      if (redis != null) {
        RedisConnection.builder().uri(redis); // checks the URI
      }
      return new Options(path(values.get("--articles")), path(values.get("--pageviews")), path(values.get("--comments")),
          values.get("--article"), zone, redis);
    }

    private static Path path(String s) {
      return s == null ? null : Path.of(s);
    }
  }

  private ArticlePageDemo() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println("error: " + e.getMessage());
      }
      System.err.println("usage: ArticlePageDemo [--articles PATH] [--pageviews FILE] [--comments FOLDER]"
          + " [--article ID] [--zone ZONE] [--redis URI]");
      System.exit(e.getMessage().isEmpty() ? 0 : 2);
      return;
    }
    try {
      run(options, out);
    } catch (InputError e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    } catch (BackendUnavailableException | IllegalStateException e) {
      System.err.println("error: " + e.getMessage()); // --redis: Redis unreachable, evicting, or another layout
      System.exit(2);
    } catch (IOException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(1);
    }
  }

  static void run(Options o, PrintStream out) throws InputError, IOException {
    if (o.redis() == null) {
      run(o, out, null);
      return;
    }
    try (RedisConnection redis = RedisConnection.builder().uri(o.redis()).build()) {
      out.printf(Locale.ROOT, "Counting in Redis at %s, namespace %s%n", o.redis(), REDIS_NAMESPACE);
      run(o, out, redis);
    }
  }

  /**
   * Sets where the ranking counts: in memory, or in Redis when {@code --redis} was given.
   *
   * @param b the engine's builder, set up but for the store
   * @param redis the connection, or null for memory
   * @return the builder
   */
  private static RankingEngine.Builder counting(RankingEngine.Builder b, RedisConnection redis) {
    if (redis == null) {
      return b;
    }
    return b.counterStore(RedisCounterStore.builder(redis).namespace(REDIS_NAMESPACE).layout(b.config().layout())
        .build());
  }

  private static void run(Options o, PrintStream out, RedisConnection redis) throws InputError, IOException {
    List<String> warnings = new ArrayList<>();
    // 1. The catalog.
    List<Article> catalog;
    Instant now;
    if (o.articles() != null) {
      catalog = new ArrayList<>();
      for (HuffPostArticles.Labelled l : HuffPostArticles.read(o.articles(), warnings::add)) {
        catalog.add(l.category().isEmpty() ? l.article() : l.article().toBuilder().section(titleCase(l.category())).build());
      }
      if (catalog.isEmpty()) {
        throw new InputError(o.articles() + ": no usable article");
      }
      now = catalog.stream().map(Article::publishedAt).max(Comparator.naturalOrder()).orElseThrow().plus(Duration.ofHours(12));
      out.printf(Locale.ROOT, "Catalog: %,d HuffPost articles from %s%n", catalog.size(), o.articles());
    } else {
      catalog = loadSampleCatalog();
      now = SAMPLE_NOW;
      out.printf(Locale.ROOT, "Catalog: %d sample articles written for the project%n", catalog.size());
    }
    Map<ArticleId, Article> byId = new HashMap<>();
    catalog.forEach(a -> byId.put(a.id(), a));
    Article featured = featured(catalog, byId, o.article() != null || o.articles() != null ? o.article() : "a1", now);
    // The page's clock (related posts, the reply form) stands at the catalog's "now"; the ranking has its own,
    // moved along while engagement is replayed, since page views may come from another time (Wikipedia, 2012).
    MutableClock clock = new MutableClock(now);
    MutableClock rankingClock = new MutableClock(now);

    // 2. Related posts: the index over the catalog.
    RelatedArticles related = RelatedArticles.builder().clock(clock).build();
    related.putAll(catalog);

    // 3. Engagement: real page views, or thirty days made up from a seed.
    RankingEngine engine;
    Map<ArticleId, Article> ranked;
    boolean allTimePopular;
    String source;
    if (o.pageviews() != null) {
      ranked = new ConcurrentHashMap<>();
      engine = counting(RankingEngine.builder().clock(rankingClock)
          .articles(id -> Optional.of(ranked.computeIfAbsent(id, ArticlePageDemo::wikipediaPage))), redis).build();
      rankingClock.set(replayPageViews(o.pageviews(), engine, rankingClock, out, warnings));
      allTimePopular = true;
      source = " (Wikipedia pages, from --pageviews)";
    } else {
      ranked = byId;
      engine = counting(RankingEngine.builder().clock(rankingClock).articles(id -> Optional.ofNullable(byId.get(id))),
          redis).build();
      replaySampleEngagement(catalog, engine, rankingClock, now, out);
      rankingClock.set(now);
      allTimePopular = false;
      source = "";
    }
    printWarnings(warnings, out);

    // 4. The page.
    printArticle(out, featured, o.zone());
    Ranking week = engine.top(RankingQuery.builder(new RankingQuery.Rolling(Duration.ofDays(7))).limit(5).exclude(featured.id()).build());
    printBox(out, "Top 5 This Week" + source, week, ranked);
    RankingQuery.Window popularWindow = allTimePopular ? new RankingQuery.AllTime() : new RankingQuery.Rolling(Duration.ofDays(30));
    Ranking popular = engine.top(RankingQuery.builder(popularWindow).limit(5).exclude(featured.id()).build());
    printBox(out, "Popular Articles" + (allTimePopular ? " (all time)" : " (30 days)") + source, popular, ranked);
    printRelated(out, related.related(featured.id(), 5));

    // 5. Leave a reply.
    heading(out, "Leave a reply");
    CommentValidator validator = CommentValidator.builder()
        .articles(id -> Optional.ofNullable(byId.get(id)))
        .clock(clock)
        .build();
    if (o.comments() != null) {
      YouTubeReplies.run(o.comments(), validator, clock, featured, out);
    } else {
      sampleReplies(validator, clock, featured, out);
    }
  }

  static Article featured(List<Article> catalog, Map<ArticleId, Article> byId, String wanted, Instant now) throws InputError {
    if (wanted != null) {
      Article a = byId.get(ArticleId.of(wanted));
      if (a == null) {
        throw new InputError("--article " + wanted + ": no such article in the catalog");
      }
      return a;
    }
    return catalog.stream().filter(a -> a.isVisibleAt(now))
        .max(Comparator.comparing(Article::publishedAt).thenComparing(Article::id, Comparator.reverseOrder()))
        .orElseThrow(() -> new InputError("the catalog has no visible article"));
  }

  /**
   * Reads the sample catalog shipped in this module ({@code sample-articles.json}, written for the project).
   *
   * @return the articles
   * @throws IOException if the resource is missing or malformed
   */
  public static List<Article> loadSampleCatalog() throws IOException {
    ObjectMapper mapper = new ObjectMapper().registerModule(new MastheadModule());
    try (InputStream in = ArticlePageDemo.class.getResourceAsStream("sample-articles.json")) {
      if (in == null) {
        throw new IOException("sample-articles.json is missing from the examples jar");
      }
      return mapper.readValue(in, new TypeReference<List<Article>>() {});
    }
  }

  /** A Wikipedia page as an article the ranking can show: its title as the headline. */
  static Article wikipediaPage(ArticleId title) {
    String headline = title.value().replace('_', ' ').strip();
    return Article.builder().id(title).headline(headline.isEmpty() ? title.value() : headline)
        .status(ArticleStatus.PUBLISHED).publishedAt(Instant.parse("2012-01-01T00:00:00Z")).build();
  }

  /** Replays the page-view log in file (hour) order, the clock half an hour into each hour; returns "now". */
  static Instant replayPageViews(Path file, RankingEngine engine, MutableClock clock, PrintStream out, List<String> warnings)
      throws InputError {
    long[] accepted = new long[2]; // events, views
    Instant[] last = {Instant.EPOCH};
    Map<String, Long> rejected = new HashMap<>();
    long start = System.nanoTime();
    long rows = PageViewLog.read(file, row -> {
      if (row.hourStart().isAfter(last[0])) {
        last[0] = row.hourStart();
        clock.set(row.hourStart().plus(Duration.ofMinutes(30)));
      }
      var result = engine.record(EngagementEvent.view(row.title(), row.hourStart()).withCount(row.views()));
      if (result.accepted()) {
        accepted[0]++;
        accepted[1] += row.views();
      } else {
        rejected.merge(result.name(), 1L, Long::sum);
      }
    }, warnings::add);
    engine.flush(); // the buffered counts reach the store before the boxes are read
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "Page views: %,d rows from %s; %,d events accepted (%,d views)%s%n", rows, file, accepted[0],
        accepted[1], rejected.isEmpty() ? "" : ", rejected " + rejected);
    out.printf(Locale.ROOT, "Throughput: %,.0f events per second (reading, parsing and ranking; one cold pass, %.1f s)%n",
        accepted[0] / seconds, seconds);
    return last[0].plus(Duration.ofHours(1));
  }

  /**
   * Thirty days of made-up engagement for the catalog, from a fixed seed: each visible article gets a
   * popularity drawn from a heavy-tailed distribution, views that fade with its age, and some comments and
   * shares. Replayed hour by hour, the clock following.
   */
  public static void replaySampleEngagement(List<Article> catalog, RankingEngine engine, MutableClock clock, Instant now,
      PrintStream out) {
    Random random = new Random(20251207);
    Instant from = now.minus(Duration.ofDays(30));
    List<Article> live = catalog.stream().filter(a -> a.publishedAt() != null && a.publishedAt().isBefore(now)
        && a.publishedAt().isAfter(from.minus(Duration.ofDays(30)))).toList();
    Map<ArticleId, Double> popularity = new HashMap<>();
    for (Article a : live) {
      popularity.put(a.id(), 50.0 / Math.pow(1 + random.nextInt(20), 1.1));
    }
    long events = 0;
    long start = System.nanoTime();
    for (Instant hour = from; hour.isBefore(now); hour = hour.plus(Duration.ofHours(1))) {
      clock.set(hour.plus(Duration.ofMinutes(30)));
      for (Article a : live) {
        if (a.publishedAt().isAfter(hour) || !a.isVisibleAt(hour)) {
          continue;
        }
        double ageHours = Duration.between(a.publishedAt(), hour).toHours();
        double expected = popularity.get(a.id()) * Math.exp(-ageHours / 96.0);
        long views = Math.round(expected * (0.5 + random.nextDouble()));
        if (views > 0) {
          engine.record(EngagementEvent.view(a.id(), hour.plusSeconds(random.nextInt(3600))).withCount(views));
          events++;
        }
        if (random.nextDouble() < expected / 40) {
          engine.record(EngagementEvent.of(a.id(), EngagementKind.COMMENT, hour.plusSeconds(random.nextInt(3600))));
          events++;
        }
        if (random.nextDouble() < expected / 60) {
          engine.record(EngagementEvent.of(a.id(), EngagementKind.SHARE, hour.plusSeconds(random.nextInt(3600))));
          events++;
        }
      }
    }
    engine.flush(); // the buffered counts reach the store before the boxes are read
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf(Locale.ROOT, "Engagement: %,d sample events over 30 days for %d articles (made up from a fixed seed),"
        + " %,.0f events per second%n", events, live.size(), events / Math.max(seconds, 1e-9));
  }

  static void sampleReplies(CommentValidator validator, MutableClock clock, Article article, PrintStream out) throws IOException {
    SpamClassifier classifier = ReplyDesk.sampleClassifier();
    byte[] key = "masthead-demo-key-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    ReplyDesk desk = new ReplyDesk(validator, classifier, dev.masthead.comments.spam.FormTokens.create(key, clock), clock);
    Instant rendered = clock.instant();
    String token = desk.tokens.issue(article.id(), null);
    clock.set(rendered.plusSeconds(45));
    String id = article.id().value();
    desk.submit(out, "1. A thoughtful reply", CommentSubmission.builder().articleId(id).authorName("Ruth Okafor")
        .authorEmail("ruth@example.org").content("Thanks for covering the vote.\n\nWill the state share the cost?")
        .ipAddress("198.51.100.23").formToken(token).submittedAt(clock.instant()).build(),
        new SpamContext(null, token, null, null), Locale.US);
    Instant firstReply = clock.instant();
    clock.set(firstReply.plusSeconds(5));
    desk.submit(out, "2. The same reader again, five seconds later", CommentSubmission.builder().articleId(id)
        .authorName("Ruth Okafor").authorEmail("ruth@example.org").content("One more thing about the detours.")
        .ipAddress("198.51.100.23").formToken(token).submittedAt(clock.instant()).build(),
        new SpamContext(null, token, null, null), Locale.US);
    desk.submit(out, "3. An empty form (messages as the page shows them)", CommentSubmission.builder().articleId(id)
        .authorEmail("not-an-address").content("   ").submittedAt(clock.instant()).build(), SpamContext.EMPTY, Locale.US);
    desk.submit(out, "4. The same empty form for a German reader", CommentSubmission.builder().articleId(id)
        .authorEmail("not-an-address").content("   ").submittedAt(clock.instant()).build(), SpamContext.EMPTY, Locale.GERMANY);
    clock.set(clock.instant().plusSeconds(60));
    desk.submit(out, "5. Link spam", CommentSubmission.builder().articleId(id).authorName("Best Deals")
        .authorEmail("deals@example.net").content("EARN $5000 A WEEK!!! http://cash-now.example.com and www.pharma-deals.example")
        .ipAddress("203.0.113.50").formToken(token).submittedAt(clock.instant()).build(),
        new SpamContext(null, token, null, null), Locale.US);
    String fresh = desk.tokens.issue(article.id(), null);
    clock.set(clock.instant().plusSeconds(1));
    desk.submit(out, "6. A bot that fills the hidden honeypot field", CommentSubmission.builder().articleId(id)
        .authorName("Bot").authorEmail("bot@example.com").content("Nice article").ipAddress("203.0.113.51")
        .honeypot("http://bot.example").formToken(fresh).submittedAt(clock.instant()).build(),
        new SpamContext("http://bot.example", fresh, null, null), Locale.US);
    desk.submit(out, "7. A form posted one second after it was rendered", CommentSubmission.builder().articleId(id)
        .authorName("Quick").authorEmail("quick@example.com").content("Great read, agree with every word")
        .ipAddress("203.0.113.52").formToken(fresh).submittedAt(clock.instant()).build(),
        new SpamContext(null, fresh, null, null), Locale.US);
    clock.set(clock.instant().plusSeconds(120));
    desk.submit(out, "8. A disallowed term, disguised with a Cyrillic letter", CommentSubmission.builder().articleId(id)
        .authorName("Lucky").authorEmail("lucky@example.com").content("Play at the best с\u0430sino tonight")
        .ipAddress("203.0.113.53").formToken(token).submittedAt(clock.instant()).build(),
        new SpamContext(null, token, null, null), Locale.US);
    desk.submit(out, "9. A moderation term: held for a person", CommentSubmission.builder().articleId(id)
        .authorName("Dan Price").authorEmail("dan@example.com").content("I was promised a refund for the parking fees.")
        .ipAddress("203.0.113.54").formToken(token).submittedAt(clock.instant()).build(),
        new SpamContext(null, token, null, null), Locale.US);
  }

  static void printWarnings(List<String> warnings, PrintStream out) {
    int shown = Math.min(5, warnings.size());
    for (int i = 0; i < shown; i++) {
      out.println("warning: " + warnings.get(i));
    }
    if (warnings.size() > shown) {
      out.printf(Locale.ROOT, "warning: ... and %,d more skipped lines%n", warnings.size() - shown);
    }
  }

  static void heading(PrintStream out, String title) {
    out.println();
    out.println(title.toUpperCase(Locale.ROOT));
    out.println("-".repeat(WIDTH));
  }

  static void printArticle(PrintStream out, Article article, ZoneId zone) {
    String rule = "=".repeat(WIDTH);
    out.println();
    out.println(rule);
    out.println(article.dateline(zone).orElse(""));
    out.println(rule);
    if (article.section() != null) {
      out.println(article.section().name().toUpperCase(Locale.ROOT));
    }
    out.println(wrap(article.headline(), WIDTH));
    if (article.dek() != null) {
      out.println(wrap(article.dek(), WIDTH));
    }
    String byline = article.authors().stream().map(Author::name).collect(Collectors.joining(" and "));
    long minutes = article.readingTime().toMinutes();
    out.println((byline.isEmpty() ? "" : "By " + byline + " · ") + Math.max(1, minutes) + " min read");
    String excerpt = article.excerpt(300);
    if (!excerpt.isEmpty()) {
      out.println();
      out.println(wrap(excerpt, WIDTH));
    }
    if (!article.tags().isEmpty()) {
      out.println();
      out.println("Tags: " + article.tags().stream().map(Tag::name).collect(Collectors.joining(", ")));
    }
  }

  static void printBox(PrintStream out, String title, Ranking ranking, Map<ArticleId, Article> articles) {
    heading(out, title);
    if (ranking.entries().isEmpty()) {
      out.println("  (nothing yet)");
    }
    for (RankingEntry e : ranking.entries()) {
      Article a = articles.get(e.articleId());
      String headline = a == null ? e.articleId().value() : a.headline();
      Map<String, Long> counts = new java.util.TreeMap<>();
      e.counts().forEach((k, v) -> {
        if (v > 0) {
          counts.put(k.name().toLowerCase(Locale.ROOT), v);
        }
      });
      String countText = counts.entrySet().stream()
          .map(c -> String.format(Locale.ROOT, "%,d %s%s", c.getValue(), c.getKey(), c.getValue() == 1 ? "" : "s"))
          .collect(Collectors.joining(", "));
      out.printf(Locale.ROOT, "  %d. %s%n     %s%n", e.rank(), abbreviate(headline, WIDTH - 5), countText);
    }
  }

  static void printRelated(PrintStream out, List<RelatedArticle> related) {
    heading(out, "Related Posts");
    if (related.isEmpty()) {
      out.println("  (none)");
    }
    int n = 1;
    for (RelatedArticle r : related) {
      out.printf(Locale.ROOT, "  %d. %s%n     why: %s%n", n++, abbreviate(r.article().headline(), WIDTH - 5), r.explanation());
    }
  }

  static String titleCase(String category) {
    StringBuilder sb = new StringBuilder();
    for (String word : category.toLowerCase(Locale.ROOT).split(" ")) {
      if (!word.isEmpty()) {
        sb.append(sb.length() == 0 ? "" : " ").append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
      }
    }
    return sb.toString();
  }

  static String abbreviate(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  static String wrap(String text, int width) {
    StringBuilder sb = new StringBuilder();
    int col = 0;
    for (String word : text.split(" ")) {
      if (col > 0 && col + 1 + word.length() > width) {
        sb.append('\n');
        col = 0;
      } else if (col > 0) {
        sb.append(' ');
        col++;
      }
      sb.append(word);
      col += word.length();
    }
    return sb.toString();
  }
}
