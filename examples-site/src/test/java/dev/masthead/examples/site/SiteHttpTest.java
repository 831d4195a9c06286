package dev.masthead.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.spam.FormTokens;
import dev.masthead.comments.spam.SpamClassifier;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.core.ArticleId;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.comments.spam.Verdict;
import dev.masthead.examples.ArticlePageDemo;
import dev.masthead.examples.site.CommentStore.Status;
import dev.masthead.examples.site.CommentStore.StoredComment;
import dev.masthead.testing.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The site over real HTTP on 127.0.0.1, with a clock the test moves: pages, the reply form, the API, security. */
class SiteHttpTest {
  static final String BRIDGE = "/articles/harbor-bridge-vote";
  // Tests that look for their comments in the thread post on an article of their own, so that the others'
  // comments never push theirs to another page.
  static final String STORMS = "/articles/storm-outages";
  static final String LIBRARY = "/articles/library-hours";
  static final String BUDGET = "/articles/budget-draft";
  static final String FROST = "/articles/first-frost-orchards";

  private static TestClock clock;
  private static SiteInstance site;
  private SiteClient reader;

  @BeforeAll
  static void startSite() {
    clock = new TestClock(ArticlePageDemo.SAMPLE_NOW);
    site = SiteInstance.start(clock);
  }

  @AfterAll
  static void stopSite() {
    site.close();
  }

  @BeforeEach
  void newReader() {
    reader = new SiteClient(site);
    clock.advance(Duration.ofMinutes(1)); // past the flood interval of the previous test's comments
  }

  @Test
  void redirectsRootToNewestVisibleArticle() {
    HttpResponse<String> response = reader.get("/");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/articles/marathon-record"));
  }

  @Test
  void articlePageHasHeadlineDekDatelineBylineBodyAndTheThreeBoxes() {
    // 150 readers: more than any other test's views and comments (weight 10) on one article add up to.
    for (int visitor = 0; visitor < 150; visitor++) {
      new SiteClient(site, SiteClient.FIREFOX + " " + visitor).get("/articles/ferry-fares");
    }
    new SiteClient(site).page("/articles/library-hours");
    site.flushRankings();

    Document page = reader.page(BRIDGE);
    assertThat(page.select("h1.headline").text()).isEqualTo("City Council Approves Harbor Bridge Repairs After Two-Year Delay");
    assertThat(page.select(".dek").text()).isEqualTo("The $84 million plan closes one lane at a time through 2027.");
    assertThat(page.select(".dateline").text()).isEqualTo("Sunday, December 7, 2025");
    assertThat(page.select(".byline").text()).startsWith("By Dana Whitfield");
    assertThat(page.select(".body p")).isNotEmpty();
    assertThat(page.select("#top-week h2").text()).isEqualTo("Top 5 This Week");
    assertThat(page.select("#top-week li a").eachText()).first().isEqualTo("Ferry Fares Rise 10 Percent as Fuel Costs Climb");
    assertThat(page.select("#top-week li .note").first().text()).isEqualTo("150 views this week");
    assertThat(page.select("#popular h2").text()).isEqualTo("Popular Articles");
    assertThat(page.select("#related li a").eachText()).hasSize(5)
        .doesNotContain("City Council Approves Harbor Bridge Repairs After Two-Year Delay");
    assertThat(page.select("#related li .note").eachText()).allSatisfy(n -> assertThat(n).isNotBlank().doesNotContain(";"));

    // The article being read is never in its own boxes.
    for (int i = 0; i < 5; i++) {
      new SiteClient(site, SiteClient.FIREFOX + " bridge " + i).page(BRIDGE);
    }
    site.flushRankings();
    assertThat(reader.page(BRIDGE).select("#top-week li a").eachText())
        .doesNotContain("City Council Approves Harbor Bridge Repairs After Two-Year Delay");
  }

  @Test
  void hundredReloadsCountAsOneViewAndCrawlersAsNone() throws IOException { // regression: 100 reloads were 100 views
    SiteClient crawler = new SiteClient(site, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)");
    for (int i = 0; i < 100; i++) {
      reader.get("/articles/storm-forecast");
      crawler.get("/articles/storm-forecast");
    }
    site.flushRankings();
    JsonNode top = new ObjectMapper().readTree(reader.get("/api/top?window=7d&n=50").body());
    JsonNode storm = null;
    for (JsonNode entry : top.get("entries")) {
      if (entry.get("articleId").asText().equals("a4")) {
        storm = entry;
      }
    }
    assertThat(storm).as("a4 in the ranking").isNotNull();
    assertThat(storm.get("counts").get("VIEW").asLong()).isEqualTo(1);
  }

  @Test
  void replyToATopLevelCommentIsStoredOneLevelDeeper() { // regression: a reply to any comment was a 500
    Document page = reader.page(STORMS);
    clock.advance(Duration.ofSeconds(20));
    HttpResponse<String> first = reader.reply(page, "The first comment of the thread.", "Ruth O.", "ruth@example.com");
    assertThat(first.statusCode()).isEqualTo(302);
    String firstId = commentIdOf(first);

    Document again = reader.page(STORMS + "?replyto=" + firstId);
    assertThat(again.select("#respond h2").text()).isEqualTo("Reply to Ruth O.");
    assertThat(SiteClient.hiddenFields(again, "#reply-form")).containsEntry("comment_parent", firstId);
    clock.advance(Duration.ofSeconds(20));
    HttpResponse<String> reply = reader.reply(again, "A reply to the first comment.", "Sam P.", "sam@example.com");
    assertThat(reply.statusCode()).isEqualTo(302);
    StoredComment stored = site.bean(CommentStore.class).get(commentIdOf(reply)).orElseThrow();
    assertThat(stored.depth()).isEqualTo(2);
    assertThat(stored.comment().parentId()).isEqualTo(firstId);
    assertThat(stored.status()).isEqualTo(Status.APPROVED);

    Document shown = reader.page(STORMS);
    assertThat(shown.select("#comment-" + stored.id()).hasClass("depth-2")).isTrue();
    assertThat(shown.select("#comment-" + firstId + " + li").attr("id")).isEqualTo("comment-" + stored.id());
  }

  @Test
  void threadIsPagedTenTopLevelCommentsAPage() {
    String last = null;
    for (int i = 1; i <= 11; i++) {
      SiteClient poster = new SiteClient(site, SiteClient.FIREFOX + " pager " + i);
      Document page = poster.page(FROST);
      clock.advance(Duration.ofSeconds(20));
      HttpResponse<String> posted = poster.reply(page, "Comment number " + i + " on the frost.", "Pager " + i,
          "pager" + i + "@example.com");
      assertThat(posted.statusCode()).isEqualTo(302);
      last = posted.headers().firstValue("Location").orElseThrow();
    }
    assertThat(last).contains("cpage=2");
    Document first = reader.page(FROST);
    assertThat(first.select("#comments li.comment")).hasSize(10);
    assertThat(first.select(".comment-pages span").text()).isEqualTo("Page 1 of 2");
    assertThat(first.select(".comment-pages a.prev")).isEmpty();
    String next = first.select(".comment-pages a.next").attr("href");
    Document second = reader.page(next.substring(0, next.indexOf('#')));
    assertThat(second.select("#comments li.comment .comment-content").eachText()).containsExactly("Comment number 11 on the frost.");
    assertThat(second.select(".comment-pages a.prev")).isNotEmpty();
    assertThat(second.select("#comments h2").text()).isEqualTo("11 Comments");
  }

  @Test
  void successfulPostRedirectsToTheCommentAndThePageThanksTheAuthor() {
    Document page = reader.page(BRIDGE);
    clock.advance(Duration.ofSeconds(20));
    HttpResponse<String> posted = reader.reply(page, "Redirected after posting, as it should be.", "Lee", "lee@example.com");
    assertThat(posted.statusCode()).isEqualTo(302);
    String location = posted.headers().firstValue("Location").orElseThrow();
    assertThat(location).contains("posted=").contains("#comment-");
    Document after = reader.page(URI.create(location).getRawPath() + "?" + URI.create(location).getRawQuery());
    assertThat(after.select("#reply-notice").text()).isEqualTo(ArticleController.PUBLISHED);
    assertThat(after.select("#comment-" + commentIdOf(posted) + " .comment-content").text())
        .isEqualTo("Redirected after posting, as it should be.");
  }

  @Test
  void fieldErrorsAreShownNextToTheFieldsAndTheTextIsKept() {
    Document page = reader.page(BRIDGE);
    clock.advance(Duration.ofSeconds(20));
    HttpResponse<String> response = reader.reply(page, "My careful reply, typed once.", "", "not-an-address");
    assertThat(response.statusCode()).isEqualTo(400);
    Document again = Jsoup.parse(response.body());
    assertThat(again.select("#author-error").text()).isEqualTo("Please enter your name here");
    assertThat(again.select("#email-error").text()).isNotBlank();
    assertThat(again.select("#comment").text()).isEqualTo("My careful reply, typed once.");
    assertThat(again.select("#email").val()).isEqualTo("not-an-address");
  }

  @Test
  void floodRefusalSaysHowLongToWaitAndKeepsTheText() {
    Document page = reader.page(BRIDGE);
    clock.advance(Duration.ofSeconds(20));
    assertThat(reader.reply(page, "First of two quick ones.", "Quick", "quick@example.com").statusCode()).isEqualTo(302);
    Document second = reader.page(BRIDGE);
    clock.advance(Duration.ofSeconds(5));
    HttpResponse<String> refused = reader.reply(second, "Second, too soon.", "Quick", "quick@example.com");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("15");
    Document again = Jsoup.parse(refused.body());
    assertThat(again.select("#reply-notice").text()).contains("wait 15 seconds");
    assertThat(again.select("#comment").text()).isEqualTo("Second, too soon.");
    assertThat(again.select("#author").val()).isEqualTo("Quick");
  }

  @Test
  void duplicateRefusalKeepsTheText() {
    Document page = reader.page(BRIDGE);
    clock.advance(Duration.ofSeconds(20));
    assertThat(reader.reply(page, "Saying this only once.", "Dee", "dee@example.com").statusCode()).isEqualTo(302);
    Document second = reader.page(BRIDGE);
    clock.advance(Duration.ofSeconds(30));
    HttpResponse<String> refused = reader.reply(second, "Saying this only once.", "Dee", "dee@example.com");
    assertThat(refused.statusCode()).isEqualTo(409);
    Document again = Jsoup.parse(refused.body());
    assertThat(again.select("#reply-notice").text()).isEqualTo(ArticleController.DUPLICATE);
    assertThat(again.select("#comment").text()).isEqualTo("Saying this only once.");
  }

  @Test
  void tooLongCommentIsRefusedWithItsTextKept() {
    Document page = reader.page(BRIDGE);
    clock.advance(Duration.ofSeconds(20));
    String text = "long ".repeat(14_000).strip(); // 69,999 code points, above the 65,525 allowed
    HttpResponse<String> refused = reader.reply(page, text, "Wordy", "wordy@example.com");
    assertThat(refused.statusCode()).isEqualTo(400);
    Document again = Jsoup.parse(refused.body());
    assertThat(again.select("#comment-error").text()).as("names the limit").contains("65,525");
    assertThat(again.select("#comment").text()).isEqualTo(text);
  }

  @Test
  void bodyLargerThanTheSiteTakesIs413NotACsrfRefusal() {
    Document page = reader.page(BRIDGE);
    clock.advance(Duration.ofSeconds(20));
    HttpResponse<String> refused = reader.reply(page, "x".repeat(3 * 1024 * 1024), "Huge", "huge@example.com");
    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(refused.body()).contains("larger than this site takes");
  }

  @Test
  void formTokenIsSingleUseEvenFromAnotherAddress() throws IOException { // regression: used twice from two addresses
    Document page = reader.page(BRIDGE);
    clock.advance(Duration.ofSeconds(20));
    Map<String, String> fields = SiteClient.hiddenFields(page, "#reply-form");
    assertThat(reader.reply(page, "Posted with a fresh form.", "Una", "una@example.com").statusCode()).isEqualTo(302);

    // The same form token, with a CSRF token of its own, posted from 127.0.0.2 by another "reader".
    SiteClient other = new SiteClient(site);
    Document otherPage = other.page(BRIDGE);
    String xsrf = otherPage.select("#reply-form input[name=_csrf]").val();
    clock.advance(Duration.ofSeconds(20));
    fields.put("_csrf", xsrf);
    fields.putAll(Map.of("comment", "Posted again with the used token.", "author", "Vic", "email", "vic@example.com"));
    String answer = rawPost(InetAddress.getByName("127.0.0.2"), SiteClient.action(page, "#reply-form"), fields,
        "XSRF-TOKEN=" + cookie(other, "XSRF-TOKEN"));
    assertThat(answer).startsWith("HTTP/1.1 409");
    assertThat(Jsoup.parse(answer.substring(answer.indexOf("\r\n\r\n"))).select("#reply-notice").text())
        .isEqualTo(ArticleController.TOKEN_REUSED);
  }

  @Test
  void heldCommentIsShownOnlyToItsAuthorAsAwaitingModeration() {
    Document page = reader.page(LIBRARY);
    clock.advance(Duration.ofSeconds(20));
    HttpResponse<String> posted = reader.reply(page, "Where do I ask for a refund of the toll?", "Hal", "hal@example.com");
    assertThat(posted.statusCode()).isEqualTo(302);
    String id = commentIdOf(posted);
    assertThat(site.bean(CommentStore.class).get(id).orElseThrow().status()).isEqualTo(Status.HELD);

    Document own = reader.page(LIBRARY + "?posted=" + id);
    assertThat(own.select("#reply-notice").text()).isEqualTo(ArticleController.AWAITING_MODERATION);
    assertThat(own.select("#comment-" + id + " .awaiting").text()).isEqualTo("Your comment is awaiting moderation.");
    assertThat(own.select("#comment-" + id + " .reply-link")).isEmpty();
    assertThat(new SiteClient(site, SiteClient.FIREFOX + " someone else").page(LIBRARY).select("#comment-" + id)).isEmpty();
  }

  @Test
  void moderatorApprovalListsTheCommentAndTeachesTheFilter() {
    Document page = reader.page(BUDGET);
    clock.advance(Duration.ofSeconds(20));
    String id = commentIdOf(reader.reply(page, "I want a refund for my parking ticket.", "Ina", "ina@example.com"));
    long hamBefore = site.bean(SpamClassifier.class).hamExamples();
    SiteClient moderator = new SiteClient(site);
    assertThat(moderator.get("/moderation").statusCode()).isEqualTo(302); // to the login page
    login(moderator);
    Document queue = moderator.page("/moderation");
    assertThat(queue.select("#queue-" + id + " .queue-status").text()).isEqualTo("held");
    Map<String, String> approve = SiteClient.hiddenFields(queue, "#queue-" + id + " form:has(.approve)");
    assertThat(moderator.postForm("/moderation/" + id + "/approve", approve).statusCode()).isEqualTo(302);
    assertThat(moderator.page("/moderation").select("#queue-" + id)).isEmpty();
    assertThat(new SiteClient(site, SiteClient.FIREFOX + " anyone").page(BUDGET).select("#comment-" + id + " .comment-content").text())
        .isEqualTo("I want a refund for my parking ticket.");

    // The filter learned: Ina is an approved author now (checked with a genuine form token, so no check is skipped).
    String token = site.bean(FormTokens.class).issue(ArticleId.of("a1"), null);
    clock.advance(Duration.ofSeconds(20));
    CommentSubmission next = CommentSubmission.builder().articleId("a1").authorName("Ina").authorEmail("ina@example.com")
        .content("Thanks for approving it.").submittedAt(clock.instant()).build();
    Verdict verdict = site.bean(SpamFilter.class).check(
        site.bean(CommentValidator.class).validate(next).validComment().orElseThrow(), new SpamContext(null, token, null, null));
    assertThat(verdict.has("author.previously_approved")).isTrue();
    assertThat(site.bean(SpamClassifier.class).hamExamples()).as("the classifier learned it").isEqualTo(hamBefore + 1);
  }

  @Test
  void moderatorSpamMovesTheCommentToSpam() {
    Document page = reader.page(BRIDGE);
    clock.advance(Duration.ofSeconds(20));
    String id = commentIdOf(reader.reply(page, "Refund me now, or else.", "Rex", "rex@example.com"));
    long spamBefore = site.bean(SpamClassifier.class).spamExamples();
    SiteClient moderator = new SiteClient(site);
    login(moderator);
    Document queue = moderator.page("/moderation");
    Map<String, String> spam = SiteClient.hiddenFields(queue, "#queue-" + id + " form:has(.spam)");
    assertThat(moderator.postForm("/moderation/" + id + "/spam", spam).statusCode()).isEqualTo(302);
    assertThat(site.bean(CommentStore.class).get(id).orElseThrow().status()).isEqualTo(Status.SPAM);
    assertThat(site.bean(SpamClassifier.class).spamExamples()).as("the classifier learned it").isEqualTo(spamBefore + 1);
  }

  @Test
  void wrongModeratorPasswordIsRefused() {
    SiteClient stranger = new SiteClient(site);
    Document login = stranger.page("/login");
    Map<String, String> fields = SiteClient.hiddenFields(login, "form");
    fields.put("username", "moderator");
    fields.put("password", "guess");
    HttpResponse<String> response = stranger.postForm("/login", fields);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("error"));
    assertThat(stranger.get("/moderation").statusCode()).isEqualTo(302);
  }

  @Test
  void formPostWithoutCsrfTokenIsRefused() {
    Document page = reader.page(BRIDGE);
    clock.advance(Duration.ofSeconds(20));
    Map<String, String> fields = SiteClient.hiddenFields(page, "#reply-form");
    fields.remove("_csrf");
    fields.putAll(Map.of("comment", "No CSRF token here.", "author", "Mal", "email", "mal@example.com"));
    assertThat(reader.postForm(SiteClient.action(page, "#reply-form"), fields).statusCode()).isEqualTo(403);
  }

  @Test
  void apiRefusesTextPlainWith415() { // regression: any page could post in a visitor's name
    String json = "{\"articleId\":\"a1\",\"authorName\":\"Cross\",\"authorEmail\":\"x@example.com\",\"content\":\"hi\"}";
    HttpResponse<String> response = reader.post("/api/comments", "text/plain", json);
    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(reader.post("/api/comments", "application/x-www-form-urlencoded", "content=hi").statusCode()).isEqualTo(415);
  }

  @Test
  void apiTakesAJsonReplyWithAFormToken() {
    Document page = reader.page(BRIDGE);
    String token = SiteClient.hiddenFields(page, "#reply-form").get("form_token");
    clock.advance(Duration.ofSeconds(20));
    String json = "{\"articleId\":\"a1\",\"authorName\":\"Jay\",\"authorEmail\":\"jay@example.com\","
        + "\"content\":\"Posted through the API.\",\"formToken\":\"" + token + "\"}";
    HttpResponse<String> response = reader.post("/api/comments", "application/json", json);
    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.body()).contains("\"status\":\"approved\"");
    clock.advance(Duration.ofSeconds(20));
    HttpResponse<String> again = reader.post("/api/comments", "application/json", json.replace("Jay", "Kay").replace("jay@", "kay@"));
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("form_token_used");
  }

  @Test
  void apiAnswersBadQueriesWithJsonErrors() {
    assertThat(reader.get("/api/top?window=7x").statusCode()).isEqualTo(400);
    assertThat(reader.get("/api/top?n=500").body()).contains("\"error\"");
    assertThat(reader.get("/api/related/no-such").statusCode()).isEqualTo(404);
    assertThat(reader.get("/api/related/a1").body()).contains("\"reason\"");
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() {
    for (String path : List.of(BRIDGE, "/api/top", "/login")) {
      HttpResponse<String> response = reader.get(path);
      assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValue(SecurityConfiguration.CSP);
      assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
      assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("strict-origin-when-cross-origin");
    }
  }

  @Test
  void unknownArticleIs404() {
    assertThat(reader.get("/articles/no-such-story").statusCode()).isEqualTo(404);
    assertThat(reader.get("/articles/embargoed").statusCode()).isEqualTo(404); // scheduled for later
  }

  private static void login(SiteClient client) {
    Document login = client.page("/login");
    Map<String, String> fields = SiteClient.hiddenFields(login, "form");
    fields.put("username", "moderator");
    fields.put("password", SiteInstance.MODERATOR_PASSWORD);
    HttpResponse<String> response = client.postForm("/login", fields);
    assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/moderation"));
  }

  private static String commentIdOf(HttpResponse<String> redirect) {
    String location = redirect.headers().firstValue("Location").orElseThrow(() -> new AssertionError(
        "no redirect; status " + redirect.statusCode()));
    return location.substring(location.indexOf("#comment-") + "#comment-".length());
  }

  private static String cookie(SiteClient client, String name) {
    // The cookie store is the client's; read it back from a request that sends it.
    return client.cookies().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow().getValue();
  }

  /** Posts a form over a socket bound to a given local address, and returns the whole answer. */
  private static String rawPost(InetAddress from, String path, Map<String, String> fields, String cookies)
      throws IOException {
    String body = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (Socket socket = new Socket()) {
      socket.bind(new InetSocketAddress(from, 0));
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), site.port()), 5_000);
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + site.port() + "\r\nUser-Agent: " + SiteClient.FIREFOX
          + "\r\nContent-Type: application/x-www-form-urlencoded\r\nCookie: " + cookies + "\r\nContent-Length: "
          + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
