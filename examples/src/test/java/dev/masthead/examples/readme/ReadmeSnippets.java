package dev.masthead.examples.readme;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masthead.comments.Comment;
import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.ParentLookup;
import dev.masthead.comments.ValidationResult;
import dev.masthead.comments.spam.AkismetClient;
import dev.masthead.comments.spam.FormTokens;
import dev.masthead.comments.spam.Label;
import dev.masthead.comments.spam.SpamChecks;
import dev.masthead.comments.spam.SpamChecks.StoreSettings;
import dev.masthead.comments.spam.SpamClassifier;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.comments.spam.TermList;
import dev.masthead.comments.spam.Verdict;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.ArticleLookup;
import dev.masthead.core.ArticleStatus;
import dev.masthead.core.json.MastheadModule;
import dev.masthead.core.json.NewsArticleJsonLd;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.InMemoryCounterStore;
import dev.masthead.ranking.Ranking;
import dev.masthead.ranking.RankingConfig;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RankingQuery;
import dev.masthead.redis.RedisCommentStores;
import dev.masthead.redis.RedisConnection;
import dev.masthead.redis.RedisCounterStore;
import dev.masthead.redis.RedisVisitorMemory;
import dev.masthead.related.RelatedArticle;
import dev.masthead.related.RelatedArticles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The README's Java snippets, verbatim (indented into method bodies), so that they compile against the API as
 * it is (Caffeine's pattern). What a snippet takes from the host (its catalog, the posted form, the request, keys)
 * is a parameter here; the small interfaces below stand for the host's own types. {@link ReadmeSnippetsTest}
 * fails when a README snippet is not found here word for word, and runs the ones that need nothing from a host.
 */
final class ReadmeSnippets {
  private ReadmeSnippets() {}

  /** The host's servlet request, as far as the snippets read it. */
  interface Request {
    String getRemoteAddr();

    String getHeader(String name);
  }

  /** A comment as the host stores it. */
  record StoredComment(ArticleId articleId, boolean approved, int depth) {}

  /** The host's comment store. */
  interface CommentStore {
    Optional<StoredComment> find(String id);
  }

  /** README, "The article". */
  static Article theArticle() throws IOException {
    Article article = Article.builder()
        .id("a1")
        .headline("City Council Approves Harbor Bridge Repairs")
        .dek("The $84 million plan closes one lane at a time.")
        .bodyHtml("<p>The city council voted 7 to 2 on Sunday…</p>")
        .author("Dana Whitfield")
        .section("Local")
        .tag("Infrastructure")
        .status(ArticleStatus.PUBLISHED)
        .publishedAt(Instant.parse("2025-12-07T13:05:00Z"))
        .canonicalUrl("https://news.example.com/local/harbor-bridge-vote")
        .language(Locale.US)
        .build();                                    // slug: city-council-approves-harbor-bridge-repairs

    article.dateline(ZoneId.of("America/New_York")); // Optional["Sunday, December 7, 2025"]
    article.excerpt(160);                            // plain text, cut at a word, with "…"
    article.readingTime();                           // PT1M, at 238 words per minute (Brysbaert 2019)
    NewsArticleJsonLd.scriptElement(article);        // <script type="application/ld+json">…</script>

    ObjectMapper mapper = new ObjectMapper().registerModule(new MastheadModule());
    Article back = mapper.readValue(mapper.writeValueAsString(article), Article.class); // equals(article)
    return back;
  }

  /** README, "Leave a reply: validation, then spam checks". */
  static void leaveAReply(ArticleLookup catalog, CommentStore comments, Map<String, String> post, Request request,
      byte[] secretKey, InstantSource clock, String disallowedTerms, String moderationTerms, InputStream modelStream,
      String key, URI siteUrl, Locale locale) throws IOException {
    CommentValidator validator = CommentValidator.builder()
        .articles(catalog::find)                    // core's ArticleLookup: visible articles take replies
        .parents(id -> comments.find(id).map(c -> new ParentLookup.Parent(c.articleId(), c.approved(), c.depth())))
        .build();                                   // CommentPolicy.defaults(): WordPress's rules
    CommentSubmission form = CommentSubmission.builder()
        .articleId(post.get("comment_post_ID")).authorName(post.get("author")).authorEmail(post.get("email"))
        .authorUrl(post.get("url")).content(post.get("comment"))
        .honeypot(post.get("phone")).formToken(post.get("form_token"))
        .ipAddress(request.getRemoteAddr()).userAgent(request.getHeader("User-Agent")).build();

    SpamFilter spamFilter = SpamFilter.builder()      // SpamChecks has every built-in check; cheapest run first
        .check(SpamChecks.honeypot())
        .check(SpamChecks.formToken(FormTokens.create(secretKey, clock)))   // issue() a token when the form renders
        .check(SpamChecks.flood(clock))             // 15 s, as WordPress
        .check(SpamChecks.duplicate(clock))
        .check(SpamChecks.links())                   // hold at 2 links (comment.links()), as WordPress's comment_max_links
        .check(SpamChecks.terms(TermList.parse(disallowedTerms), TermList.parse(moderationTerms)))
        .check(SpamChecks.contentHeuristics())       // names contact channels, calls to action, … for moderators
        .check(SpamChecks.classifier(SpamClassifier.starter()))  // or load(yourModel); learns from markSpam/markHam
        .check(SpamChecks.akismet(AkismetClient.builder().apiKey(key).blog(siteUrl).build()))
        .build();

    ValidationResult result = validator.validate(form);
    if (result instanceof ValidationResult.Invalid invalid) {
      invalid.messagesByField(locale);              // {CONTENT=[Please enter your comment!], …}
    } else {
      Comment comment = ((ValidationResult.Valid) result).comment();  // contentHtml is safe to insert as it is
      SpamContext context = SpamContext.of(form);
      Verdict verdict = spamFilter.check(comment, context);
      verdict.decision();                            // APPROVE, HOLD, SPAM or DISCARD
      verdict.signals();                             // each with code() "links.too_many" and reason() "Contains 2 links; …"
      verdict.refused();                             // Optional[FLOOD] → answer 429
      // later, when a moderator decides:
      spamFilter.feedback(comment, context, Label.SPAM); // or markSpam/markHam: reaches every learning check
    }
  }

  /** README, "Shared comment memory": compiled only (it connects to a Redis). */
  static SpamFilter sharedCommentMemory(byte[] siteSecret) {
    RedisConnection redis = RedisConnection.builder().uri("redis://10.0.0.5:6379").build(); // close on shutdown
    RedisCommentStores stores = RedisCommentStores.builder(redis).build();        // keys under mh:{masthead-comments}:
    StoreSettings shared = StoreSettings.of(siteSecret); // 16+ random bytes, the same on every server, not in Redis
    SpamFilter spamFilter = SpamFilter.builder()
        .check(SpamChecks.flood(Duration.ofSeconds(15), stores.flood(), shared))
        .check(SpamChecks.duplicate(Duration.ofHours(24), stores.duplicates(), shared))
        .check(SpamChecks.approvedAuthors(stores.approvedAuthors(), shared))
        // ... the other checks as above
        .build();
    return spamFilter;
  }

  /** README, "Rankings". */
  static List<Ranking> rankings(ArticleLookup catalog, ArticleId articleId, String visitorHash, String userAgent,
      ArticleId current) {
    RankingEngine ranking = RankingEngine.builder().articles(catalog::find).build();
    ranking.record(EngagementEvent.view(articleId, Instant.now()).withVisitor(visitorHash, userAgent));
    Ranking week = ranking.top(RankingQuery.builder(RankingQuery.Window.lastDays(7)).limit(5).exclude(current).build());
    Ranking thisWeek = ranking.top(RankingQuery.top(RankingQuery.Window.thisWeek(ZoneId.of("Europe/Berlin"), DayOfWeek.MONDAY), 5));
    return List.of(week, thisWeek);
  }

  /** README, "Run on several servers": compiled only (it connects to a Redis). */
  static RankingEngine severalServers(ArticleLookup catalog) {
    RedisConnection redis = RedisConnection.builder().uri("redis://127.0.0.1:6379").build();   // one per app server
    RankingConfig config = RankingEngine.builder().articles(catalog::find).config();
    RankingEngine ranking = RankingEngine.builder().config(config).articles(catalog::find)
        .counterStore(RedisCounterStore.builder(redis).namespace("example-news").layout(config.layout()).build())
        .visitorMemory(RedisVisitorMemory.builder(redis).namespace("example-news").build())   // optional
        .build();
    return ranking;
  }

  /** README, "Related Posts". */
  static long moveToSeveralServers(RankingConfig config, RedisCounterStore redisStore) throws IOException {
    InMemoryCounterStore memory = InMemoryCounterStore.create(config.layout());
    try (InputStream in = Files.newInputStream(Path.of("/var/lib/news/ranking.snapshot"))) {
      memory.restore(in, Instant.now());
    }
    long cells = redisStore.importFrom(memory, Instant.now()); // then start the engines on redisStore
    return cells;
  }

  static List<RelatedArticle> relatedPosts(List<Article> catalog, Article article) {
    RelatedArticles related = RelatedArticles.builder().build();
    related.putAll(catalog);                         // then put(article) on save, remove(id) on delete
    for (RelatedArticle r : related.related(article.id(), 5)) {
      print(r.article().headline(), r.explanation()); // "same byline: AP; matching terms: booster, covid"
    }
    return related.related(article.id(), 5);
  }

  private static void print(String headline, String explanation) {
    System.out.println(headline + ": " + explanation);
  }
}
