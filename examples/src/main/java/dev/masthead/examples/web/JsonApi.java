package dev.masthead.examples.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.ErrorCode;
import dev.masthead.comments.Field;
import dev.masthead.comments.spam.Refusal;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.core.json.MastheadModule;
import dev.masthead.examples.web.Exchanges.BadRequest;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.EngagementKind;
import dev.masthead.ranking.Ranking;
import dev.masthead.ranking.RankingQuery;
import dev.masthead.ranking.RecordResult;
import dev.masthead.related.RelatedArticle;
import dev.masthead.related.RelatedQuery;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The JSON endpoints, for a site's front-end scripts and for other services:
 * <ul>
 *   <li>{@code GET /api/top?window=7d&n=5}: the top-N of a window ({@code 24h}, {@code 7d}, {@code 30d}, any
 *       number of hours or days, or {@code all});</li>
 *   <li>{@code GET /api/related/{id}?n=5}: the related posts of an article;</li>
 *   <li>{@code POST /api/comments}: a reply; 201 published, 202 held (or spam, which reads the same), 400 field
 *       errors, 404 unknown article, 409 duplicate, 429 flood;</li>
 *   <li>{@code POST /api/events}: a page view; 202, with whether it counted.</li>
 * </ul>
 * Errors are {@code {"error": "..."}} (or {@code {"errors": [...]}} for field errors), never a stack trace.
 */
final class JsonApi implements HttpHandler {
  /** The most entries {@code n} may ask for. */
  static final int MAX_N = 50;
  private static final Pattern WINDOW = Pattern.compile("([1-9][0-9]{0,3})([hd])");

  /** The body of {@code POST /api/comments}: the reply form's fields, as posted. */
  record CommentRequest(@Nullable String articleId, @Nullable String parentId, @Nullable String authorName,
      @Nullable String authorEmail, @Nullable String authorUrl, @Nullable String content,
      @Nullable String honeypot, @Nullable String formToken) {}

  /** The body of {@code POST /api/events}: a view of an article, by an optional opaque visitor id. */
  record EventRequest(@Nullable String articleId, @Nullable String visitorId) {}

  record TopEntry(int rank, String articleId, String slug, String headline, String url, double score,
      Map<String, Long> counts) {}

  record TopResponse(String window, Instant coveredFrom, Instant coveredTo, List<TopEntry> entries) {}

  record RelatedEntry(String articleId, String slug, String headline, String url, double score, String basis,
      List<String> matchingTerms) {}

  record RelatedResponse(String articleId, List<RelatedEntry> entries) {}

  record ErrorEntry(String field, String code, String message) {}

  record FieldErrors(String error, List<ErrorEntry> errors) {}

  record Created(String status, String id, String articleId, String authorName, String contentHtml,
      Instant submittedAt) {}

  record Message(String status, String message) {}

  record EventResponse(boolean counted, @Nullable String rejection) {}

  private final NewsSite site;
  private final InstantSource clock;
  private final ObjectMapper mapper = new ObjectMapper()
      .registerModule(new MastheadModule())
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  JsonApi(NewsSite site, InstantSource clock) {
    this.site = site;
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/api/top")) {
      Exchanges.requireMethod(exchange, "GET");
      top(exchange);
    } else if (path.startsWith("/api/related/")) {
      Exchanges.requireMethod(exchange, "GET");
      related(exchange, path.substring("/api/related/".length()));
    } else if (path.equals("/api/comments")) {
      Exchanges.requireMethod(exchange, "POST");
      comment(exchange);
    } else if (path.equals("/api/events")) {
      Exchanges.requireMethod(exchange, "POST");
      event(exchange);
    } else {
      throw new BadRequest(404, "No such endpoint: " + path);
    }
  }

  private void top(HttpExchange exchange) throws IOException {
    Map<String, String> query = Exchanges.query(exchange);
    String windowText = query.getOrDefault("window", "7d");
    RankingQuery.Window window = parseWindow(windowText)
        .orElseThrow(() -> new BadRequest(400, "window must be a number of hours or days (24h, 7d, 30d) or all"));
    Ranking ranking = site.ranking().top(RankingQuery.top(window, limit(query)));
    List<TopEntry> entries = ranking.entries().stream()
        .flatMap(e -> site.catalog().find(e.articleId()).stream().map(a -> new TopEntry(e.rank(),
            a.id().value(), a.slug(), a.headline(), Catalog.path(a), e.score(), countsByName(e.counts()))))
        .toList();
    sendJson(exchange, 200, new TopResponse(windowText, ranking.coveredFrom(), ranking.coveredTo(), entries));
  }

  private static Map<String, Long> countsByName(Map<EngagementKind, Long> counts) {
    Map<String, Long> byName = new TreeMap<>();
    counts.forEach((kind, n) -> byName.put(kind.name(), n));
    return byName;
  }

  private void related(HttpExchange exchange, String id) throws IOException {
    Article subject = articleOrNotFound(id);
    List<RelatedArticle> related = site.related().related(RelatedQuery.of(subject.id(), limit(Exchanges.query(exchange))));
    List<RelatedEntry> entries = related.stream()
        .map(r -> new RelatedEntry(r.article().id().value(), r.article().slug(), r.article().headline(),
            Catalog.path(r.article()), r.score(), r.basis().name(), r.matchingTerms()))
        .toList();
    sendJson(exchange, 200, new RelatedResponse(subject.id().value(), entries));
  }

  private void comment(HttpExchange exchange) throws IOException {
    CommentRequest request = read(exchange, CommentRequest.class);
    CommentSubmission submission = CommentSubmission.builder()
        .articleId(request.articleId())
        .parentId(request.parentId())
        .authorName(request.authorName())
        .authorEmail(request.authorEmail())
        .authorUrl(request.authorUrl())
        .content(request.content())
        .honeypot(request.honeypot())
        .formToken(request.formToken())
        .ipAddress(Exchanges.clientIp(exchange))
        .userAgent(Exchanges.header(exchange, "User-Agent").orElse(null))
        .referrer(Exchanges.header(exchange, "Referer").orElse(null))
        .submittedAt(clock.instant())
        .build();
    CommentDesk.Outcome outcome = site.comments().submit(submission);
    Locale locale = Exchanges.locale(exchange);
    if (outcome instanceof CommentDesk.Outcome.Invalid invalid) {
      if (invalid.result().codes().contains(ErrorCode.ARTICLE_NOT_FOUND)) {
        throw new BadRequest(404, "No such article: " + request.articleId());
      }
      List<ErrorEntry> errors = invalid.result().errors().stream()
          .map(e -> new ErrorEntry(jsonName(e.field()), e.code().code(), e.message(locale)))
          .toList();
      sendJson(exchange, 400, new FieldErrors("The reply has field errors", errors));
    } else if (outcome instanceof CommentDesk.Outcome.Published published) {
      CommentDesk.StoredComment c = published.stored();
      Article article = site.catalog().find(c.comment().articleId()).orElseThrow();
      exchange.getResponseHeaders().set("Location", Catalog.path(article) + "#comment-" + c.id());
      sendJson(exchange, 201, new Created("approved", c.id(), c.comment().articleId().value(),
          c.comment().authorName(), c.comment().contentHtml().html(), c.comment().submittedAt()));
    } else if (outcome instanceof CommentDesk.Outcome.Refused refused) {
      if (refused.refusal() == Refusal.FLOOD) {
        exchange.getResponseHeaders().set("Retry-After", "15");
        sendJson(exchange, 429, new Message("flood", ArticlePages.SLOW_DOWN));
      } else {
        sendJson(exchange, 409, new Message("duplicate", ArticlePages.DUPLICATE));
      }
    } else {
      // Held, spam or discarded: the same answer, so that a spammer cannot tell them apart.
      sendJson(exchange, 202, new Message("pending", ArticlePages.AWAITING_MODERATION));
    }
  }

  private void event(HttpExchange exchange) throws IOException {
    EventRequest request = read(exchange, EventRequest.class);
    if (request.articleId() == null || request.articleId().isBlank()) {
      throw new BadRequest(400, "articleId is required");
    }
    Article article = articleOrNotFound(request.articleId());
    String visitor = request.visitorId() == null || request.visitorId().length() > EngagementEvent.MAX_TEXT_LENGTH
        ? null : request.visitorId();
    RecordResult result = site.ranking().record(EngagementEvent.view(article.id(), clock.instant())
        .withVisitor(visitor, Exchanges.header(exchange, "User-Agent").orElse(null)));
    sendJson(exchange, 202, new EventResponse(result.accepted(), result.accepted() ? null : result.name()));
  }

  /** Parses {@code 24h}, {@code 7d}, {@code 30d} (any 1 to 9999 hours or days) or {@code all}. */
  static Optional<RankingQuery.Window> parseWindow(String text) {
    if (text.equals("all")) {
      return Optional.of(RankingQuery.Window.allTime());
    }
    Matcher m = WINDOW.matcher(text);
    if (!m.matches()) {
      return Optional.empty();
    }
    long amount = Long.parseLong(m.group(1));
    return Optional.of(RankingQuery.Window.last(m.group(2).equals("h") ? Duration.ofHours(amount) : Duration.ofDays(amount)));
  }

  private static int limit(Map<String, String> query) {
    String n = query.getOrDefault("n", "5");
    try {
      int value = Integer.parseInt(n);
      if (value >= 1 && value <= MAX_N) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new BadRequest(400, "n must be a whole number from 1 to " + MAX_N);
  }

  private Article articleOrNotFound(String id) {
    if (id.isBlank() || id.length() > ArticleId.MAX_LENGTH) {
      throw new BadRequest(404, "No such article");
    }
    try {
      return site.catalog().find(ArticleId.of(id)).orElseThrow(() -> new BadRequest(404, "No such article: " + id));
    } catch (IllegalArgumentException e) { // not a well-formed id, so certainly no article
      throw new BadRequest(404, "No such article");
    }
  }

  private <T> T read(HttpExchange exchange, Class<T> type) throws IOException {
    String body = Exchanges.body(exchange);
    if (body.isBlank()) {
      throw new BadRequest(400, "The body is empty; expected a JSON object");
    }
    try {
      T value = mapper.readValue(body, type);
      if (value == null) {
        throw new BadRequest(400, "Expected a JSON object, got null");
      }
      return value;
    } catch (UnrecognizedPropertyException e) {
      throw new BadRequest(400, "Unknown property '" + e.getPropertyName() + "'");
    } catch (MismatchedInputException e) {
      throw new BadRequest(400, "Wrong type of value" + at(e) + "; expected a JSON object of strings");
    } catch (JsonMappingException e) {
      throw new BadRequest(400, "Cannot read the JSON object" + at(e));
    } catch (JsonProcessingException e) {
      throw new BadRequest(400, "Malformed JSON" + (e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
    }
  }

  private static String at(JsonMappingException e) {
    String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .reduce((a, b) -> a + "." + b).orElse("");
    return path.isEmpty() ? "" : " at '" + path + "'";
  }

  private static String jsonName(Field field) {
    return switch (field) {
      case ARTICLE -> "articleId";
      case PARENT -> "parentId";
      case AUTHOR -> "authorName";
      case EMAIL -> "authorEmail";
      case URL -> "authorUrl";
      case CONTENT -> "content";
    };
  }

  private void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
    Exchanges.send(exchange, status, "application/json; charset=utf-8", mapper.writeValueAsString(body));
  }
}
