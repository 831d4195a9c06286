package dev.masthead.examples.site;

import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.ErrorCode;
import dev.masthead.comments.Field;
import dev.masthead.comments.spam.Refusal;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import dev.masthead.examples.site.CommentStore.StoredComment;
import dev.masthead.ranking.Ranking;
import dev.masthead.ranking.RankingEngine;
import dev.masthead.ranking.RankingQuery;
import dev.masthead.related.RelatedArticles;
import dev.masthead.spring.MastheadProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * The JSON endpoints:
 * <ul>
 *   <li>{@code GET /api/top?window=7d&n=5}: the top-N of a window ({@code 24h}, {@code 7d}, {@code 30d}, any
 *       number of hours or days, or {@code all});</li>
 *   <li>{@code GET /api/related/{id}?n=5}: the related posts of an article;</li>
 *   <li>{@code POST /api/comments}, {@code application/json} only (any other type is 415, so a page of another
 *       site cannot post in a visitor's name with a simple form or {@code text/plain} request): 201 published,
 *       202 held, 400 field errors, 404 unknown article, 409 duplicate or reused form token, 429 flood.</li>
 * </ul>
 * Errors are {@code {"error": "..."}} (with {@code "errors"} for field errors), never a stack trace.
 */
@RestController
@RequestMapping(path = "/api", produces = MediaType.APPLICATION_JSON_VALUE)
class ApiController {
  /** The most entries {@code n} may ask for. */
  static final int MAX_N = 50;
  private static final Pattern WINDOW = Pattern.compile("([1-9][0-9]{0,3})([hd])");

  /** The body of {@code POST /api/comments}: the reply form's fields. */
  record CommentRequest(@Nullable String articleId, @Nullable String parentId, @Nullable String authorName,
      @Nullable String authorEmail, @Nullable String authorUrl, @Nullable String content,
      @Nullable String honeypot, @Nullable String formToken) {}

  record TopEntry(int rank, String articleId, String headline, String url, double score, Map<String, Long> counts) {}

  record TopResponse(String window, Instant coveredFrom, Instant coveredTo, boolean stale, List<TopEntry> entries) {}

  record RelatedEntry(String articleId, String headline, String url, String reason, String basis,
      List<String> matchingTerms) {}

  record RelatedResponse(String articleId, List<RelatedEntry> entries) {}

  record ErrorEntry(String field, String code, String message) {}

  record ErrorResponse(String error, @Nullable List<ErrorEntry> errors) {}

  record Created(String status, String id, String articleId, String authorName, String contentHtml, Instant submittedAt) {}

  record Message(String status, String message) {}

  private final Catalog catalog;
  private final RankingEngine ranking;
  private final RelatedArticles related;
  private final CommentDesk desk;
  private final VisitorIds visitors;
  private final InstantSource clock;
  private final Duration floodInterval;

  ApiController(Catalog catalog, RankingEngine ranking, RelatedArticles related, CommentDesk desk, VisitorIds visitors,
      InstantSource clock, MastheadProperties masthead) {
    this.floodInterval = masthead.getSpam().getFlood().getInterval();
    this.catalog = catalog;
    this.ranking = ranking;
    this.related = related;
    this.desk = desk;
    this.visitors = visitors;
    this.clock = clock;
  }

  @GetMapping("/top")
  TopResponse top(@RequestParam(defaultValue = "7d") String window, @RequestParam(defaultValue = "5") String n) {
    RankingQuery.Window w = parseWindow(window).orElseThrow(() -> new ApiError(HttpStatus.BAD_REQUEST,
        "window must be a number of hours or days (24h, 7d, 30d) or all"));
    Ranking r = ranking.top(RankingQuery.top(w, limit(n)));
    List<TopEntry> entries = r.entries().stream()
        .flatMap(e -> catalog.find(e.articleId()).stream().map(a -> {
          Map<String, Long> counts = new TreeMap<>();
          e.counts().forEach((kind, c) -> counts.put(kind.name(), c));
          return new TopEntry(e.rank(), a.id().value(), a.headline(), Catalog.path(a), e.score(), counts);
        }))
        .toList();
    return new TopResponse(window, r.coveredFrom(), r.coveredTo(), r.stale(), entries);
  }

  @GetMapping("/related/{id}")
  RelatedResponse related(@PathVariable String id, @RequestParam(defaultValue = "5") String n) {
    Article subject = articleOrNotFound(id);
    List<RelatedEntry> entries = related.related(subject.id(), limit(n)).stream()
        .map(r -> new RelatedEntry(r.article().id().value(), r.article().headline(), Catalog.path(r.article()),
            Boxes.reason(r), r.basis().name(), r.matchingTerms()))
        .toList();
    return new RelatedResponse(subject.id().value(), entries);
  }

  @PostMapping(path = "/comments", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> comment(@RequestBody CommentRequest body, HttpServletRequest request, HttpServletResponse response) {
    CommentSubmission submission = CommentSubmission.builder()
        .articleId(body.articleId())
        .parentId(body.parentId())
        .authorName(body.authorName())
        .authorEmail(body.authorEmail())
        .authorUrl(body.authorUrl())
        .content(body.content())
        .honeypot(body.honeypot())
        .formToken(body.formToken())
        .ipAddress(request.getRemoteAddr())
        .userAgent(request.getHeader(HttpHeaders.USER_AGENT))
        .referrer(request.getHeader(HttpHeaders.REFERER))
        .submittedAt(clock.instant())
        .build();
    CommentDesk.Outcome outcome = desk.submit(submission, visitors.of(request, response));
    Locale locale = ArticleController.locale(request);
    if (outcome instanceof CommentDesk.Outcome.Invalid invalid) {
      if (invalid.result().codes().contains(ErrorCode.ARTICLE_NOT_FOUND)) {
        throw new ApiError(HttpStatus.NOT_FOUND, "No such article: " + body.articleId());
      }
      List<ErrorEntry> errors = invalid.result().errors().stream()
          .map(e -> new ErrorEntry(jsonName(e.field()), e.code().code(), e.message(locale))).toList();
      return ResponseEntity.badRequest().body(new ErrorResponse("The reply has field errors", errors));
    }
    if (outcome instanceof CommentDesk.Outcome.Stored stored) {
      StoredComment c = stored.stored();
      if (c.status() != CommentStore.Status.APPROVED) {
        return ResponseEntity.accepted().body(new Message("pending", ArticleController.AWAITING_MODERATION));
      }
      String path = catalog.find(c.comment().articleId()).map(Catalog::path).orElse("/");
      return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.LOCATION, path + "#comment-" + c.id())
          .body(new Created("approved", c.id(), c.comment().articleId().value(), c.comment().authorName(),
              c.comment().contentHtml().html(), c.comment().submittedAt()));
    }
    if (outcome instanceof CommentDesk.Outcome.Refused refused) {
      if (refused.refusal() == Refusal.FLOOD) {
        long seconds = floodInterval.toSeconds();
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
            .body(new Message("flood", ArticleController.floodMessage(seconds)));
      }
      return ResponseEntity.status(HttpStatus.CONFLICT).body(new Message("duplicate", ArticleController.DUPLICATE));
    }
    if (outcome instanceof CommentDesk.Outcome.TokenReused) {
      return ResponseEntity.status(HttpStatus.CONFLICT).body(new Message("form_token_used", ArticleController.TOKEN_REUSED));
    }
    // Discarded: the same answer as held, so that a spammer cannot tell them apart.
    return ResponseEntity.accepted().body(new Message("pending", ArticleController.AWAITING_MODERATION));
  }

  /** A request the client got wrong, answered with its status and message. */
  static final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final HttpStatus status;

    ApiError(HttpStatus status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  @ExceptionHandler(ApiError.class)
  ResponseEntity<ErrorResponse> apiError(ApiError e) {
    return ResponseEntity.status(e.status).contentType(MediaType.APPLICATION_JSON).body(new ErrorResponse(e.getMessage(), null));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ErrorResponse> unsupported(HttpMediaTypeNotSupportedException e) {
    return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
        .body(new ErrorResponse("Send the reply as application/json", null));
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorResponse> unreadable(HttpMessageNotReadableException e) {
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON)
        .body(new ErrorResponse("The body is not a JSON object of strings", null));
  }

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

  private static int limit(String n) {
    try {
      int value = Integer.parseInt(n);
      if (value >= 1 && value <= MAX_N) {
        return value;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ApiError(HttpStatus.BAD_REQUEST, "n must be a whole number from 1 to " + MAX_N);
  }

  private Article articleOrNotFound(String id) {
    if (id.isBlank() || id.length() > ArticleId.MAX_LENGTH) {
      throw new ApiError(HttpStatus.NOT_FOUND, "No such article");
    }
    try {
      return catalog.find(ArticleId.of(id)).orElseThrow(() -> new ApiError(HttpStatus.NOT_FOUND, "No such article: " + id));
    } catch (IllegalArgumentException e) {
      throw new ApiError(HttpStatus.NOT_FOUND, "No such article");
    }
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
}
