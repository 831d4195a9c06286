package dev.masthead.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.masthead.testing.TestClock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON endpoints and the page routes, over real HTTP on 127.0.0.1, with a clock the test moves. */
class NewsSiteApiTest {
  /** The sample catalog's "now": a1 to a8 are published, a9 is scheduled for 2025-12-08T06:00Z. */
  static final Instant SAMPLE_NOW = Instant.parse("2025-12-07T18:00:00Z");

  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private TestClock clock;
  private NewsSite site;

  @BeforeEach
  void start() throws IOException {
    clock = new TestClock(SAMPLE_NOW);
    site = NewsSite.builder().articles(NewsSite.loadSampleCatalog()).clock(clock).port(0)
        .formTokenKey(new byte[32]).build();
    site.start();
  }

  @AfterEach
  void stop() {
    site.stop();
  }

  @Test
  void redirectsRootToNewestVisibleArticle() throws Exception {
    HttpResponse<String> response = get("/");
    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.headers().firstValue("Location")).hasValue("/articles/marathon-record");
  }

  @Test
  void hidesScheduledArticleUntilItsTimeComes() throws Exception {
    assertThat(get("/articles/embargoed").statusCode()).isEqualTo(404);
    assertThat(get("/api/related/a9").statusCode()).isEqualTo(404);
    clock.advance(Duration.ofHours(13)); // past 2025-12-08T06:00Z
    assertThat(get("/articles/embargoed").statusCode()).isEqualTo(200);
    assertThat(get("/").headers().firstValue("Location")).hasValue("/articles/embargoed");
  }

  @Test
  void answersFieldErrorsWith400() throws Exception {
    ObjectNode reply = goodReply("a1", "");
    reply.put("authorName", "   ").put("authorEmail", "not an email").put("content", "");
    HttpResponse<String> response = post("/api/comments", reply.toString());
    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode body = json.readTree(response.body());
    List<String> errors = new ArrayList<>();
    body.get("errors").forEach(e -> errors.add(e.get("field").asText() + " " + e.get("code").asText()));
    assertThat(errors).containsExactly("authorName author.required", "authorEmail email.invalid",
        "content content.required");
    assertThat(body.get("errors").get(0).get("message").asText()).isEqualTo("Please enter your name here");
  }

  @Test
  void answersFieldMessagesInTheReadersLanguage() throws Exception {
    ObjectNode reply = goodReply("a1", "");
    reply.put("content", "");
    HttpRequest request = HttpRequest.newBuilder(uri("/api/comments")).header("Accept-Language", "de-DE,de;q=0.9")
        .POST(HttpRequest.BodyPublishers.ofString(reply.toString())).build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(400);
    String message = json.readTree(response.body()).get("errors").get(0).get("message").asText();
    assertThat(message).isNotBlank().isNotEqualTo("Please enter your comment!");
  }

  @Test
  void publishesGoodReplyWith201AndListsItUnderTheArticle() throws Exception {
    String token = formToken("harbor-bridge-vote");
    clock.advance(Duration.ofSeconds(5)); // past the token's 3-second minimum age
    HttpResponse<String> response = post("/api/comments", goodReply("a1", token).toString());
    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("status").asText()).isEqualTo("approved");
    assertThat(response.headers().firstValue("Location"))
        .hasValue("/articles/harbor-bridge-vote#comment-" + body.get("id").asText());

    Document page = Jsoup.parse(get("/articles/harbor-bridge-vote").body());
    assertThat(page.select("#comments .comment-content").text()).contains("The lane closures will hurt");
    assertThat(page.select("#comments .comment-author").text()).contains("Maria <Lopez>");
    // The comment counts in the rankings.
    JsonNode top = json.readTree(get("/api/top?window=24h&n=1").body());
    assertThat(top.at("/entries/0/articleId").asText()).isEqualTo("a1");
    assertThat(top.at("/entries/0/counts/COMMENT").asLong()).isEqualTo(1);
  }

  @Test
  void refusesFloodWith429() throws Exception {
    String token = formToken("harbor-bridge-vote");
    clock.advance(Duration.ofSeconds(5));
    assertThat(post("/api/comments", goodReply("a1", token).toString()).statusCode()).isEqualTo(201);
    ObjectNode second = goodReply("a1", token);
    second.put("authorEmail", "someone.else@example.org").put("content", "A different thought on the ferry.");
    HttpResponse<String> response = post("/api/comments", second.toString()); // same IP, 0 s later
    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).isPresent();
    assertThat(json.readTree(response.body()).get("status").asText()).isEqualTo("flood");
  }

  @Test
  void refusesDuplicateWith409() throws Exception {
    String token = formToken("harbor-bridge-vote");
    clock.advance(Duration.ofSeconds(5));
    assertThat(post("/api/comments", goodReply("a1", token).toString()).statusCode()).isEqualTo(201);
    clock.advance(Duration.ofSeconds(20)); // past the 15-second flood interval
    HttpResponse<String> response = post("/api/comments", goodReply("a1", token).toString());
    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(json.readTree(response.body()).get("status").asText()).isEqualTo("duplicate");
  }

  @Test
  void holdsReplyWithoutFormTokenWith202AndDoesNotListIt() throws Exception {
    HttpResponse<String> response = post("/api/comments", goodReply("a1", "").toString());
    assertThat(response.statusCode()).isEqualTo(202);
    assertThat(json.readTree(response.body()).get("message").asText()).isEqualTo(ArticlePages.AWAITING_MODERATION);
    assertThat(Jsoup.parse(get("/articles/harbor-bridge-vote").body()).select("#comments li")).isEmpty();
  }

  @Test
  void answersSpamExactlyAsHeld() throws Exception {
    String token = formToken("harbor-bridge-vote"); // posted at once: too fast for a person, so SPAM
    HttpResponse<String> tooFast = post("/api/comments", goodReply("a1", token).toString());
    clock.advance(Duration.ofSeconds(30));
    ObjectNode filled = goodReply("a1", token).put("honeypot", "555-0100").put("authorEmail", "bot@example.net");
    HttpResponse<String> honeypot = post("/api/comments", filled.toString());
    clock.advance(Duration.ofSeconds(30));
    ObjectNode pills = goodReply("a1", token).put("authorEmail", "pills@example.net")
        .put("content", "Cheap VIAGRA and cialis, no prescription needed");
    HttpResponse<String> disallowed = post("/api/comments", pills.toString());
    for (HttpResponse<String> r : List.of(tooFast, honeypot, disallowed)) {
      assertThat(r.statusCode()).isEqualTo(202);
      assertThat(r.body()).isEqualTo(post202Body());
    }
    assertThat(site.comments().approved(dev.masthead.core.ArticleId.of("a1"))).isEmpty();
    assertThat(site.comments().pendingCount()).as("spam is kept for a moderator, a filled honeypot is not").isEqualTo(2);
  }

  private String post202Body() throws Exception {
    return json.writeValueAsString(json.createObjectNode().put("status", "pending")
        .put("message", ArticlePages.AWAITING_MODERATION));
  }

  @Test
  void answers404ForUnknownArticles() throws Exception {
    assertThat(post("/api/comments", goodReply("no-such-article", "").toString()).statusCode()).isEqualTo(404);
    assertThat(get("/api/related/no-such-article").statusCode()).isEqualTo(404);
    assertThat(get("/api/related/%20").statusCode()).isEqualTo(404);
    assertThat(post("/api/events", "{\"articleId\":\"nope\"}").statusCode()).isEqualTo(404);
    assertThat(get("/articles/nope").statusCode()).isEqualTo(404);
    assertThat(get("/api/nothing-here").statusCode()).isEqualTo(404);
  }

  @ParameterizedTest
  @CsvSource({"GET,/api/comments,POST", "GET,/api/events,POST", "POST,/api/top,GET", "DELETE,/api/related/a1,GET",
      "PUT,/articles/harbor-bridge-vote,'GET, HEAD, POST'", "POST,/,'GET, HEAD'"})
  void answers405ForWrongMethod(String method, String path, String allow) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri(path)).method(method, HttpRequest.BodyPublishers.ofString("{}"))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue(allow);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"articleId\": \"a1\",", "", "   ", "null", "[1, 2]", "{\"content\": {\"a\": 1}}",
      "{\"articleId\": \"a1\", \"mood\": \"happy\"}", "{\"articleId\": \"a1\"} {}", "\u0000\u00ff"})
  void answers400ForBadJsonWithoutStackTrace(String body) throws Exception {
    for (String path : List.of("/api/comments", "/api/events")) {
      HttpResponse<String> response = post(path, body);
      assertThat(response.statusCode()).as(path).isEqualTo(400);
      JsonNode error = json.readTree(response.body());
      assertThat(error.get("error").asText()).isNotBlank();
      assertThat(response.body()).doesNotContain("Exception", "dev.masthead", "at com.");
    }
  }

  @Test
  void countsViewsWith202AndRanksThem() throws Exception {
    for (String visitor : List.of("v1", "v2", "v3")) {
      HttpResponse<String> r = post("/api/events", "{\"articleId\":\"a2\",\"visitorId\":\"" + visitor + "\"}");
      assertThat(r.statusCode()).isEqualTo(202);
      assertThat(json.readTree(r.body()).get("counted").asBoolean()).isTrue();
    }
    assertThat(post("/api/events", "{\"articleId\":\"a5\"}").statusCode()).isEqualTo(202);
    JsonNode repeat = json.readTree(post("/api/events", "{\"articleId\":\"a2\",\"visitorId\":\"v1\"}").body());
    assertThat(repeat.get("counted").asBoolean()).isFalse();
    assertThat(repeat.get("rejection").asText()).isEqualTo("REPEAT_VISITOR");

    JsonNode top = json.readTree(get("/api/top?window=7d&n=5").body());
    assertThat(top.get("window").asText()).isEqualTo("7d");
    assertThat(top.at("/entries/0/articleId").asText()).isEqualTo("a2");
    assertThat(top.at("/entries/0/counts/VIEW").asLong()).isEqualTo(3);
    assertThat(top.at("/entries/0/url").asText()).isEqualTo("/articles/ferry-fares");
    assertThat(top.at("/entries/1/articleId").asText()).isEqualTo("a5");
    assertThat(top.get("entries")).hasSize(2);
    assertThat(json.readTree(get("/api/top?window=all&n=1").body()).get("entries")).hasSize(1);
    assertThat(json.readTree(get("/api/top?window=24h").body()).get("entries")).hasSize(2);
  }

  @Test
  void recordsEveryPageViewAsEngagement() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri("/articles/school-lunch"))
        .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Firefox/120.0").GET().build();
    assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    JsonNode top = json.readTree(get("/api/top?window=24h&n=5").body());
    assertThat(top.at("/entries/0/articleId").asText()).isEqualTo("a5");
    assertThat(top.at("/entries/0/counts/VIEW").asLong()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"window=7w", "window=0d", "window=-1d", "window=", "n=0", "n=51", "n=five", "n=%E2%82"})
  void answers400ForBadTopQuery(String query) throws Exception {
    HttpResponse<String> response = get("/api/top?" + query);
    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json.readTree(response.body()).get("error").asText()).isNotBlank();
  }

  @Test
  void listsRelatedPostsWithoutTheSubject() throws Exception {
    HttpResponse<String> response = get("/api/related/a1?n=3");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("entries")).hasSize(3);
    List<String> ids = new ArrayList<>();
    body.get("entries").forEach(e -> ids.add(e.get("articleId").asText()));
    assertThat(ids).doesNotContain("a1", "a9").doesNotHaveDuplicates();
    assertThat(body.at("/entries/0/basis").asText()).isEqualTo("CONTENT");
  }

  @Test
  void parsesWindows() {
    assertThat(JsonApi.parseWindow("24h")).hasValueSatisfying(w -> assertThat(w.toString()).contains("PT24H"));
    assertThat(JsonApi.parseWindow("30d")).hasValueSatisfying(w -> assertThat(w.toString()).contains("PT720H"));
    assertThat(JsonApi.parseWindow("all")).isPresent();
    assertThat(JsonApi.parseWindow("7 d")).isEmpty();
    assertThat(JsonApi.parseWindow("99999d")).isEmpty();
  }

  @Test
  void replyFormShowsTheVerdictAndKeepsWhatTheReaderTyped() throws Exception {
    String token = formToken("storm-outages");
    String typed = "comment=%3Cscript%3Ealert(1)%3C%2Fscript%3E&author=Ann&email=bad&url=&phone=&form_token="
        + token;
    HttpResponse<String> invalid = postForm("/articles/storm-outages", typed);
    assertThat(invalid.statusCode()).isEqualTo(400);
    Document page = Jsoup.parse(invalid.body());
    assertThat(page.select("#email-error").text()).isEqualTo("You have entered an incorrect email address!");
    assertThat(page.select("#comment-error").text()).isEqualTo("Please enter your comment!");
    assertThat(page.select("textarea#comment").text()).isEqualTo("<script>alert(1)</script>"); // kept, as text
    assertThat(page.select("script:not([type])")).isEmpty();
    assertThat(page.select("input#author").val()).isEqualTo("Ann");
    assertThat(page.select("input[name=form_token]").val()).isEqualTo(token); // its age keeps counting

    clock.advance(Duration.ofSeconds(5));
    String good = "comment=Crews+restored+our+street+by+noon.&author=Ann&email=ann%40example.com&url=&phone=&form_token="
        + token;
    HttpResponse<String> published = postForm("/articles/storm-outages", good);
    assertThat(published.statusCode()).isEqualTo(200);
    Document after = Jsoup.parse(published.body());
    assertThat(after.select("#reply-notice").text()).isEqualTo(ArticlePages.PUBLISHED);
    assertThat(after.select("#comments .comment-content").text()).isEqualTo("Crews restored our street by noon.");

    HttpResponse<String> flood = postForm("/articles/storm-outages", good.replace("noon", "two"));
    assertThat(flood.statusCode()).isEqualTo(429);
    assertThat(Jsoup.parse(flood.body()).select("#reply-notice").text()).isEqualTo(ArticlePages.SLOW_DOWN);

    clock.advance(Duration.ofSeconds(20));
    HttpResponse<String> held = postForm("/articles/storm-outages",
        good.replace("noon", "two").replace("form_token=" + token, "form_token=forged"));
    assertThat(held.statusCode()).isEqualTo(200);
    assertThat(Jsoup.parse(held.body()).select("#reply-notice").text()).isEqualTo(ArticlePages.AWAITING_MODERATION);
    assertThat(Jsoup.parse(held.body()).select("#comments li")).hasSize(1);
  }

  private HttpResponse<String> postForm(String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private ObjectNode goodReply(String articleId, String token) {
    return json.createObjectNode().put("articleId", articleId).put("parentId", "0")
        .put("authorName", "Maria <Lopez>").put("authorEmail", "maria@example.com")
        .put("authorUrl", "").put("content", "The lane closures will hurt the morning commute, but it is overdue.")
        .put("honeypot", "").put("formToken", token);
  }

  /** The form token of an article page, as a front-end script would read it from the page. */
  private String formToken(String slug) throws Exception {
    HttpResponse<String> page = get("/articles/" + slug);
    assertThat(page.statusCode()).isEqualTo(200);
    return Jsoup.parse(page.body()).selectFirst("input[name=" + ArticleView.FORM_TOKEN + "]").val();
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + site.port() + path);
  }

  private HttpResponse<String> get(String path) throws Exception {
    if (path.startsWith("/api/top")) {
      site.ranking().flush(); // recorded views reach the store within a flush interval; the test does not wait
    }
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
