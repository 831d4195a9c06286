package dev.masthead.examples.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.Field;
import dev.masthead.comments.spam.FormTokens;
import dev.masthead.comments.spam.Refusal;
import dev.masthead.core.Article;
import dev.masthead.examples.web.ArticleView.ReplyForm;
import dev.masthead.examples.web.Exchanges.BadRequest;
import dev.masthead.ranking.EngagementEvent;
import java.io.IOException;
import java.time.InstantSource;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The HTML side: {@code GET /} redirects to the newest article; {@code GET /articles/{slug}} shows the article
 * page (and records the view); {@code POST /articles/{slug}} takes the reply form and shows the page again with
 * the field messages or the verdict.
 */
final class ArticlePages implements HttpHandler {
  static final String AWAITING_MODERATION = "Your comment is awaiting moderation.";
  static final String SLOW_DOWN = "You are posting comments too quickly. Slow down.";
  static final String DUPLICATE = "Duplicate comment detected; it looks as though you have already said that.";
  static final String PUBLISHED = "Thank you, your comment is published.";

  private final NewsSite site;
  private final ArticleView view;
  private final FormTokens tokens;
  private final InstantSource clock;

  ArticlePages(NewsSite site, ArticleView view, FormTokens tokens, InstantSource clock) {
    this.site = site;
    this.view = view;
    this.tokens = tokens;
    this.clock = clock;
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (path.equals("/")) {
      Exchanges.requireMethod(exchange, "GET", "HEAD");
      Article newest = site.catalog().newest().orElseThrow(() -> new BadRequest(404, "No article is published yet"));
      Exchanges.redirect(exchange, Catalog.path(newest));
      return;
    }
    if (!path.startsWith("/articles/")) {
      throw new BadRequest(404, "Not found: " + path);
    }
    Article article = site.catalog().findBySlug(path.substring("/articles/".length()))
        .orElseThrow(() -> new BadRequest(404, "No such article"));
    Exchanges.requireMethod(exchange, "GET", "HEAD", "POST");
    Locale locale = Exchanges.locale(exchange);
    if (exchange.getRequestMethod().equals("POST")) {
      postReply(exchange, article, locale);
      return;
    }
    if (exchange.getRequestMethod().equals("GET")) { // a page view, counted for the rankings (crawlers are not)
      site.ranking().record(EngagementEvent.view(article.id(), clock.instant())
          .withVisitor(null, Exchanges.header(exchange, "User-Agent").orElse(null)));
    }
    page(exchange, 200, article, ReplyForm.blank(tokens.issue(article.id(), null)), locale);
  }

  private void postReply(HttpExchange exchange, Article article, Locale locale) throws IOException {
    Map<String, String> params = Exchanges.formParameters(Exchanges.body(exchange));
    CommentSubmission submission = CommentSubmission.builder()
        .articleId(article.id().value()) // the page's article, whatever the hidden field says
        .parentId(params.get(Field.PARENT.parameterName()))
        .authorName(params.get(Field.AUTHOR.parameterName()))
        .authorEmail(params.get(Field.EMAIL.parameterName()))
        .authorUrl(params.get(Field.URL.parameterName()))
        .content(params.get(Field.CONTENT.parameterName()))
        .honeypot(params.get(ArticleView.HONEYPOT))
        .formToken(params.get(ArticleView.FORM_TOKEN))
        .ipAddress(Exchanges.clientIp(exchange))
        .userAgent(Exchanges.header(exchange, "User-Agent").orElse(null))
        .referrer(Exchanges.header(exchange, "Referer").orElse(null))
        .submittedAt(clock.instant())
        .build();
    CommentDesk.Outcome outcome = site.comments().submit(submission);
    String freshToken = tokens.issue(article.id(), null);
    if (outcome instanceof CommentDesk.Outcome.Invalid invalid) {
      // Keep what the reader typed, and the token of the form they filled in, so that its age keeps counting.
      Map<Field, String> values = new EnumMap<>(Field.class);
      for (Field f : List.of(Field.AUTHOR, Field.EMAIL, Field.URL, Field.CONTENT)) {
        values.put(f, params.getOrDefault(f.parameterName(), ""));
      }
      String posted = params.get(ArticleView.FORM_TOKEN);
      String token = keepToken(posted, article) ? posted : freshToken;
      page(exchange, 400, article, new ReplyForm(values, invalid.result().messagesByField(locale),
          "Please correct the fields marked below.", token), locale);
    } else if (outcome instanceof CommentDesk.Outcome.Refused refused) {
      boolean flood = refused.refusal() == Refusal.FLOOD;
      page(exchange, flood ? 429 : 409, article,
          new ReplyForm(Map.of(), Map.of(), flood ? SLOW_DOWN : DUPLICATE, freshToken), locale);
    } else {
      // Held, spam and discarded all read the same, so that a spammer learns nothing from the answer.
      String notice = outcome instanceof CommentDesk.Outcome.Published ? PUBLISHED : AWAITING_MODERATION;
      page(exchange, 200, article, new ReplyForm(Map.of(), Map.of(), notice, freshToken), locale);
    }
  }

  private boolean keepToken(@Nullable String posted, Article article) {
    FormTokens.Status status = tokens.verify(posted, article.id(), null).status();
    return status == FormTokens.Status.VALID || status == FormTokens.Status.TOO_FAST;
  }

  private void page(HttpExchange exchange, int status, Article article, ReplyForm form, Locale locale)
      throws IOException {
    String html = view.render(article, site.boxes(article), site.comments().approved(article.id()), form, locale);
    exchange.getResponseHeaders().set("Cache-Control", "no-store"); // the form token is per page view
    Exchanges.send(exchange, status, "text/html; charset=utf-8", html);
  }
}
