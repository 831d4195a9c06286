package dev.masthead.examples.web;

import dev.masthead.comments.Field;
import dev.masthead.core.Article;
import dev.masthead.core.Author;
import dev.masthead.core.json.NewsArticleJsonLd;
import dev.masthead.examples.web.CommentDesk.StoredComment;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;
import org.jspecify.annotations.Nullable;

/**
 * Renders the article page with jsoup's element API. Every value from a reader or the catalog goes in through
 * {@link Element#text(String)}, {@link Element#attr(String, String)} or {@code val}, which escape it; the only
 * HTML inserted as HTML is the article body (cleaned again with jsoup's relaxed safelist) and a comment's
 * {@link dev.masthead.comments.Comment#contentHtml()}, which Masthead has already sanitized.
 */
final class ArticleView {
  /** The site's name, shown in the masthead. */
  static final String SITE_NAME = "The Masthead Gazette";

  /** One line of a box: a headline linking to its page, and a note (a count, why it is related). */
  record BoxItem(String headline, String href, String note) {}

  /** The three boxes beside the article. */
  record Boxes(List<BoxItem> topWeek, List<BoxItem> popular, List<BoxItem> related) {}

  /**
   * The reply form as it is shown: the values to fill in again, the messages next to the fields, the notice
   * after posting (or null) and the form token.
   */
  record ReplyForm(Map<Field, String> values, Map<Field, List<String>> messages, @Nullable String notice,
      String formToken) {
    static ReplyForm blank(String formToken) {
      return new ReplyForm(Map.of(), Map.of(), null, formToken);
    }
  }

  /** The name of the honeypot field: plausible for a bot, hidden from people with CSS. */
  static final String HONEYPOT = "phone";
  /** The name of the hidden field that carries the form token. */
  static final String FORM_TOKEN = "form_token";

  private static final String CSS = """
      body{font-family:Georgia,serif;margin:0 auto;max-width:62rem;padding:1rem;display:grid;
        grid-template-columns:1fr 18rem;gap:2rem;color:#222}
      header.masthead{grid-column:1/3;border-bottom:3px double #222}
      header.masthead a{color:inherit;text-decoration:none;font-size:1.6rem;font-weight:bold}
      .section{text-transform:uppercase;letter-spacing:.08em;font-size:.8rem;color:#a00}
      .dek{font-size:1.2rem;color:#555}.meta{color:#666;font-size:.9rem}
      aside section{border-top:2px solid #222;margin-bottom:1.5rem}aside li{margin:.4rem 0}
      .note{display:block;color:#777;font-size:.8rem}
      form p{margin:.6rem 0}label{display:block;font-weight:bold}input,textarea{width:100%;box-sizing:border-box}
      .field-error{color:#b00;display:block}.notice{background:#ffd;padding:.5rem;border:1px solid #cc9}
      .hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
      """;

  private final ZoneId zone;

  ArticleView(ZoneId zone) {
    this.zone = zone;
  }

  /** Returns the whole page as HTML text. */
  String render(Article article, Boxes boxes, List<StoredComment> comments, ReplyForm form, Locale locale) {
    Document doc = Document.createShell("");
    doc.outputSettings().prettyPrint(false);
    doc.prependChild(new DocumentType("html", "", ""));
    doc.child(0).attr("lang", article.language().getLanguage().isEmpty()
        ? "en" : article.language().toLanguageTag());
    Element head = doc.head();
    head.appendElement("meta").attr("charset", "utf-8");
    head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
    head.appendElement("title").text(article.headline() + " · " + SITE_NAME);
    head.appendElement("style").appendChild(new DataNode(CSS));
    head.appendElement("script").attr("type", "application/ld+json")
        .appendChild(new DataNode(NewsArticleJsonLd.write(article)));

    Element body = doc.body();
    body.appendElement("header").addClass("masthead").appendElement("a").attr("href", "/").text(SITE_NAME);
    Element main = body.appendElement("main");
    renderArticle(main.appendElement("article").id("article"), article);
    renderComments(main.appendElement("section").id("comments"), comments, locale);
    renderForm(main.appendElement("section").id("respond"), article, form);

    Element aside = body.appendElement("aside");
    renderBox(aside, "top-week", "Top 5 This Week", boxes.topWeek(), "No readers yet this week.");
    renderBox(aside, "popular", "Popular Articles", boxes.popular(), "No readers yet this month.");
    renderBox(aside, "related", "Related Posts", boxes.related(), "Nothing related yet.");
    return doc.outerHtml();
  }

  private void renderArticle(Element el, Article article) {
    if (article.section() != null) {
      el.appendElement("p").addClass("section").text(article.section().name());
    }
    el.appendElement("h1").addClass("headline").text(article.headline());
    if (article.dek() != null) {
      el.appendElement("p").addClass("dek").text(article.dek());
    }
    article.dateline(zone).ifPresent(d -> el.appendElement("p").addClass("dateline meta").text(d));
    String byline = article.authors().stream().map(Author::name).collect(Collectors.joining(" and "));
    el.appendElement("p").addClass("byline meta")
        .text((byline.isEmpty() ? "" : "By " + byline + " · ") + article.readingTime().toMinutes() + " min read");
    // The body comes from the newsroom's CMS; cleaning it again costs little and keeps a bad import harmless.
    el.appendElement("div").addClass("body").html(Jsoup.clean(article.bodyHtml(), Safelist.relaxed()));
  }

  private void renderComments(Element el, List<StoredComment> comments, Locale locale) {
    el.appendElement("h2").text(comments.size() == 1 ? "1 Comment" : comments.size() + " Comments");
    Element list = el.appendElement("ol").addClass("comment-list");
    DateTimeFormatter when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
    for (StoredComment c : comments) {
      Element li = list.appendElement("li").id("comment-" + c.id()).addClass("comment")
          .attr("style", "margin-left:" + (2 * c.depth()) + "rem");
      Element author = li.appendElement("p").addClass("comment-author");
      if (c.comment().authorUrl() != null) {
        author.appendElement("a").attr("href", c.comment().authorUrl().toString()).attr("rel", "nofollow ugc")
            .text(c.comment().authorName());
      } else {
        author.appendElement("strong").text(c.comment().authorName());
      }
      author.appendText(" · ").appendElement("time")
          .attr("datetime", c.comment().submittedAt().toString()).text(when.format(c.comment().submittedAt()));
      li.appendElement("div").addClass("comment-content").html(c.comment().contentHtml().html()); // sanitized by Masthead
    }
  }

  private void renderForm(Element el, Article article, ReplyForm form) {
    el.appendElement("h2").text("Leave a reply");
    if (form.notice() != null) {
      el.appendElement("p").id("reply-notice").addClass("notice").attr("role", "status").text(form.notice());
    }
    Element f = el.appendElement("form").id("reply-form").attr("method", "post")
        .attr("action", Catalog.path(article) + "#respond").attr("novalidate", "");
    f.appendElement("p").addClass("meta").text("Your email address will not be published.");
    field(f, form, Field.CONTENT, "Comment", "textarea", "");
    field(f, form, Field.AUTHOR, "Name", "text", "name");
    field(f, form, Field.EMAIL, "Email", "email", "email");
    field(f, form, Field.URL, "Website", "url", "url");
    // The honeypot: hidden with CSS (not type=hidden, which bots skip), out of the tab order, no autofill.
    Element hp = f.appendElement("p").addClass("hp").attr("aria-hidden", "true");
    hp.appendElement("label").attr("for", HONEYPOT).text("Leave this field empty");
    hp.appendElement("input").attr("type", "text").id(HONEYPOT).attr("name", HONEYPOT)
        .attr("autocomplete", "off").attr("tabindex", "-1").val("");
    f.appendElement("input").attr("type", "hidden").attr("name", Field.ARTICLE.parameterName())
        .val(article.id().value());
    f.appendElement("input").attr("type", "hidden").attr("name", Field.PARENT.parameterName()).val("0");
    f.appendElement("input").attr("type", "hidden").attr("name", FORM_TOKEN).val(form.formToken());
    for (Field hidden : List.of(Field.ARTICLE, Field.PARENT)) { // errors of hidden fields go above the button
      errors(f, form, hidden);
    }
    f.appendElement("p").appendElement("button").attr("type", "submit").id("submit").text("Post Comment");
  }

  private static void field(Element form, ReplyForm state, Field field, String label, String type,
      String autocomplete) {
    String name = field.parameterName();
    Element p = form.appendElement("p").addClass("field field-" + name);
    p.appendElement("label").attr("for", name).text(label);
    Element input = type.equals("textarea")
        ? p.appendElement("textarea").attr("rows", "6")
        : p.appendElement("input").attr("type", type);
    input.id(name).attr("name", name);
    if (!autocomplete.isEmpty()) {
      input.attr("autocomplete", autocomplete);
    }
    String value = state.values().getOrDefault(field, "");
    if (type.equals("textarea")) {
      input.text(value);
    } else {
      input.val(value);
    }
    if (state.messages().containsKey(field)) {
      input.attr("aria-invalid", "true").attr("aria-describedby", name + "-error");
    }
    errors(p, state, field);
  }

  private static void errors(Element parent, ReplyForm state, Field field) {
    List<String> messages = state.messages().get(field);
    if (messages != null && !messages.isEmpty()) {
      parent.appendElement("span").id(field.parameterName() + "-error").addClass("field-error")
          .text(String.join(" ", messages));
    }
  }

  private static void renderBox(Element aside, String id, String title, List<BoxItem> items, String empty) {
    Element box = aside.appendElement("section").id(id).addClass("box");
    box.appendElement("h2").text(title);
    if (items.isEmpty()) {
      box.appendElement("p").addClass("meta").text(empty);
      return;
    }
    Element list = box.appendElement("ol");
    for (BoxItem item : items) {
      Element li = list.appendElement("li");
      li.appendElement("a").attr("href", item.href()).text(item.headline());
      li.appendElement("span").addClass("note").text(item.note());
    }
  }
}
