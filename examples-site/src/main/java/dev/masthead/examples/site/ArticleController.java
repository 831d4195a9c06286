package dev.masthead.examples.site;

import dev.masthead.comments.CommentPolicy;
import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.Field;
import dev.masthead.comments.FieldError;
import dev.masthead.comments.spam.FormTokens;
import dev.masthead.comments.spam.Refusal;
import dev.masthead.core.Article;
import dev.masthead.core.Author;
import dev.masthead.core.json.NewsArticleJsonLd;
import dev.masthead.examples.site.ArticlePage.CommentView;
import dev.masthead.examples.site.ArticlePage.Pagination;
import dev.masthead.examples.site.ArticlePage.ReplyForm;
import dev.masthead.examples.site.CommentStore.Status;
import dev.masthead.examples.site.CommentStore.StoredComment;
import dev.masthead.ranking.EngagementEvent;
import dev.masthead.ranking.RankingEngine;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import dev.masthead.spring.MastheadProperties;
import java.time.Duration;
import java.time.InstantSource;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The article pages: {@code GET /} redirects to the newest article; {@code GET /articles/{slug}} shows it (and
 * counts the view once per visitor; crawlers are not counted); {@code POST /articles/{slug}/comments} takes the
 * reply form and redirects to the comment (POST-redirect-GET), or shows the form again with what the reader
 * typed and the messages (400 field errors, 429 flood, 409 duplicate or reused form); a body over 2 MB is
 * answered 413 by {@link FormSizeLimit} before it is read.
 */
@Controller
class ArticleController {
  static final String PUBLISHED = "Thank you, your comment is published.";
  static final String AWAITING_MODERATION = "Your comment is awaiting moderation.";
  static final String DUPLICATE = "Duplicate comment detected; it looks as though you have already said that.";
  static final String TOKEN_REUSED = "This form was already used to post a comment. Post again from the form below.";
  static final String CORRECT_FIELDS = "Please correct the fields marked below.";
  private static final List<Locale> LANGUAGES = FieldError.SUPPORTED_LANGUAGES.stream().sorted()
      .map(Locale::forLanguageTag).toList();

  private final Catalog catalog;
  private final Boxes boxes;
  private final CommentStore comments;
  private final CommentDesk desk;
  private final FormTokens tokens;
  private final RankingEngine ranking;
  private final VisitorIds visitors;
  private final InstantSource clock;
  private final SiteProperties properties;
  private final Duration floodInterval;
  private final int maxReplyDepth;

  ArticleController(Catalog catalog, Boxes boxes, CommentStore comments, CommentDesk desk, FormTokens tokens,
      RankingEngine ranking, VisitorIds visitors, InstantSource clock, SiteProperties properties,
      MastheadProperties masthead, CommentPolicy policy) {
    this.floodInterval = masthead.getSpam().getFlood().getInterval();
    this.maxReplyDepth = policy.maxReplyDepth();
    this.catalog = catalog;
    this.boxes = boxes;
    this.comments = comments;
    this.desk = desk;
    this.tokens = tokens;
    this.ranking = ranking;
    this.visitors = visitors;
    this.clock = clock;
    this.properties = properties;
  }

  @GetMapping("/")
  String home() {
    Article newest = catalog.newest()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No article is published yet"));
    return "redirect:" + Catalog.path(newest);
  }

  @GetMapping("/articles/{slug}")
  String article(@PathVariable String slug, @RequestParam(name = "cpage", required = false) @Nullable String cpage,
      @RequestParam(name = "replyto", required = false) @Nullable String replyTo,
      @RequestParam(name = "posted", required = false) @Nullable String posted,
      HttpServletRequest request, HttpServletResponse response, Model model) {
    Article article = find(slug);
    String visitor = visitors.of(request, response);
    if ("GET".equals(request.getMethod())) { // once per visitor and period; crawlers are refused by the engine
      ranking.record(EngagementEvent.view(article.id(), clock.instant())
          .withVisitor(visitor, request.getHeader(HttpHeaders.USER_AGENT)));
    }
    String notice = null;
    String kind = "ok";
    Optional<StoredComment> own = posted == null ? Optional.empty()
        : comments.get(posted).filter(c -> c.authorVisitor().equals(visitor));
    if (own.isPresent()) {
      boolean published = own.get().status() == Status.APPROVED;
      notice = published ? PUBLISHED : AWAITING_MODERATION;
      kind = published ? "ok" : "pending";
    }
    ReplyForm form = new ReplyForm(Map.of(), Map.of(), notice, kind, tokens.issue(article.id(), null),
        "0", null, null);
    model.addAttribute("page", page(article, visitor, parsePage(cpage), replyTo, form, locale(request)));
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store"); // the form token is per page view
    return "article";
  }

  @PostMapping("/articles/{slug}/comments")
  String reply(@PathVariable String slug, @RequestParam Map<String, String> params, HttpServletRequest request,
      HttpServletResponse response, Model model) {
    Article article = find(slug);
    String visitor = visitors.of(request, response);
    Locale locale = locale(request);
    response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    String parent = params.getOrDefault(Field.PARENT.parameterName(), "0");
    String postedToken = params.get(ArticleTemplate.FORM_TOKEN);
    CommentSubmission submission = CommentSubmission.builder()
        .articleId(article.id().value()) // the page's article, whatever the hidden field says
        .parentId(parent)
        .authorName(params.get(Field.AUTHOR.parameterName()))
        .authorEmail(params.get(Field.EMAIL.parameterName()))
        .authorUrl(params.get(Field.URL.parameterName()))
        .content(params.get(Field.CONTENT.parameterName()))
        .honeypot(params.get(ArticleTemplate.HONEYPOT))
        .formToken(postedToken)
        .ipAddress(request.getRemoteAddr())
        .userAgent(request.getHeader(HttpHeaders.USER_AGENT))
        .referrer(request.getHeader(HttpHeaders.REFERER))
        .submittedAt(clock.instant())
        .build();
    CommentDesk.Outcome outcome = desk.submit(submission, visitor);
    if (outcome instanceof CommentDesk.Outcome.Stored stored) {
      StoredComment c = stored.stored();
      int page = pageOf(article, visitor, c.id());
      return "redirect:" + UriComponentsBuilder.fromPath(Catalog.path(article))
          .queryParam("cpage", page).queryParam("posted", c.id()).fragment("comment-" + c.id()).toUriString();
    }
    if (outcome instanceof CommentDesk.Outcome.Discarded) {
      return "redirect:" + Catalog.path(article) + "?posted=discarded#respond";
    }
    // A refusal: the page again, with everything the reader typed and the reason next to the fields or above.
    Map<Field, String> values = new EnumMap<>(Field.class);
    for (Field f : List.of(Field.AUTHOR, Field.EMAIL, Field.URL, Field.CONTENT)) {
      values.put(f, params.getOrDefault(f.parameterName(), ""));
    }
    Map<Field, List<String>> messages = Map.of();
    String notice;
    HttpStatus status;
    String token = tokens.issue(article.id(), null);
    if (outcome instanceof CommentDesk.Outcome.Invalid invalid) {
      messages = invalid.result().messagesByField(locale);
      notice = CORRECT_FIELDS;
      status = HttpStatus.BAD_REQUEST;
      // The token of the form they filled in was not used: keep it, so that its age keeps counting.
      FormTokens.Status tokenStatus = tokens.verify(postedToken, article.id(), null).status();
      if (postedToken != null && (tokenStatus == FormTokens.Status.VALID || tokenStatus == FormTokens.Status.TOO_FAST)) {
        token = postedToken;
      }
    } else if (outcome instanceof CommentDesk.Outcome.Refused refused && refused.refusal() == Refusal.FLOOD) {
      long seconds = floodInterval.toSeconds();
      notice = floodMessage(seconds);
      status = HttpStatus.TOO_MANY_REQUESTS;
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    } else if (outcome instanceof CommentDesk.Outcome.Refused) {
      notice = DUPLICATE;
      status = HttpStatus.CONFLICT;
    } else {
      notice = TOKEN_REUSED;
      status = HttpStatus.CONFLICT;
    }
    response.setStatus(status.value());
    ReplyForm form = new ReplyForm(values, messages, notice, "error", token, parent, null, null);
    model.addAttribute("page", page(article, visitor, 1, "0".equals(parent) ? null : parent, form, locale));
    return "article";
  }

  static String floodMessage(long seconds) {
    return "You are posting comments too quickly. Please wait " + seconds
        + " seconds, then post again; your reply is kept below.";
  }

  private Article find(String slug) {
    return catalog.findBySlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such article"));
  }

  private ArticlePage page(Article article, String visitor, int requestedPage, @Nullable String replyTo,
      ReplyForm form, Locale locale) {
    List<List<StoredComment>> threads = comments.threads(article.id(), visitor);
    int perPage = properties.commentsPerPage();
    int pages = Math.max(1, (threads.size() + perPage - 1) / perPage);
    int page = Math.min(Math.max(1, requestedPage), pages);
    DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
        .withZone(properties.zone());
    String path = Catalog.path(article);
    List<CommentView> shown = threads.stream().skip((long) (page - 1) * perPage).limit(perPage)
        .flatMap(List::stream)
        .map(c -> new CommentView(c.id(), c.depth(), c.comment().authorName(),
            c.comment().authorUrl() == null ? null : c.comment().authorUrl().toString(),
            c.comment().submittedAt().toString(), when.format(c.comment().submittedAt()), c.comment().contentHtml().html(),
            c.status() != Status.APPROVED,
            c.status() == Status.APPROVED && c.depth() < maxReplyDepth
                ? path + "?cpage=" + page + "&replyto=" + c.id() + "#respond" : null))
        .toList();
    Pagination pagination = new Pagination(page, pages,
        page > 1 ? path + "?cpage=" + (page - 1) + "#comments" : null,
        page < pages ? path + "?cpage=" + (page + 1) + "#comments" : null);
    ReplyForm replyForm = form;
    if (replyTo != null) {
      Optional<StoredComment> target = comments.get(replyTo)
          .filter(c -> c.status() == Status.APPROVED && c.comment().articleId().equals(article.id()));
      if (target.isPresent()) {
        replyForm = new ReplyForm(form.values(), form.messages(), form.notice(), form.noticeKind(), form.formToken(),
            target.get().id(), target.get().comment().authorName(), path + "?cpage=" + page + "#respond");
      }
    }
    String byline = article.authors().stream().map(Author::name).collect(Collectors.joining(" and "));
    return new ArticlePage(article.id().value(), path,
        article.section() == null ? null : article.section().name(), article.headline(), article.dek(),
        article.dateline(properties.zone()).orElse(null),
        (byline.isEmpty() ? "" : "By " + byline + " · ") + Math.max(1, article.readingTime().toMinutes()) + " min read",
        Jsoup.clean(article.bodyHtml(), Safelist.relaxed()), NewsArticleJsonLd.write(article),
        boxes.topWeek(article), boxes.popular(article), boxes.related(article), comments.approvedCount(article.id()),
        shown, pagination, replyForm);
  }

  private int pageOf(Article article, String visitor, String commentId) {
    List<List<StoredComment>> threads = comments.threads(article.id(), visitor);
    for (int i = 0; i < threads.size(); i++) {
      if (threads.get(i).stream().anyMatch(c -> c.id().equals(commentId))) {
        return i / properties.commentsPerPage() + 1;
      }
    }
    return 1;
  }

  private static int parsePage(@Nullable String cpage) {
    if (cpage == null) {
      return 1;
    }
    try {
      return Integer.parseInt(cpage);
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** The reader's language from {@code Accept-Language}, among those of the form messages; English otherwise. */
  static Locale locale(HttpServletRequest request) {
    String header = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
    if (header == null || header.isBlank()) {
      return Locale.ENGLISH;
    }
    try {
      Locale found = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
      return found == null ? Locale.ENGLISH : found;
    } catch (IllegalArgumentException e) { // a malformed header is no reason to refuse the page
      return Locale.ENGLISH;
    }
  }
}
