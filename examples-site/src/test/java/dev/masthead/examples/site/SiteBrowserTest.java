package dev.masthead.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.examples.ArticlePageDemo;
import dev.masthead.examples.site.CommentStore.Status;
import dev.masthead.testing.TestClock;
import java.time.Duration;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The article page end to end in headless Chromium, as a reader on a desktop and on a 390 px phone, and as a moderator. */
class SiteBrowserTest {
  static final String BRIDGE = "/articles/harbor-bridge-vote";
  static final String BRIDGE_HEADLINE = "City Council Approves Harbor Bridge Repairs After Two-Year Delay";

  private static TestClock clock;
  private static SiteInstance site;
  private static Browser browser;

  @BeforeAll
  static void start() {
    clock = new TestClock(ArticlePageDemo.SAMPLE_NOW);
    browser = Browser.start(null); // before the site, so a missing browser skips without starting it
    site = SiteInstance.start(clock);
  }

  @AfterAll
  static void stop() {
    try {
      if (browser != null) {
        browser.close();
      }
    } finally {
      if (site != null) {
        site.close();
      }
    }
  }

  @BeforeEach
  void pastTheFloodInterval() {
    clock.advance(Duration.ofMinutes(1));
    browser.viewport(0, 0, false);
  }

  @Test
  void desktopReaderSeesTheArticleAndTheThreeBoxes() {
    for (int visitor = 0; visitor < 60; visitor++) { // more than the other tests' comments (weight 10) add up to
      new SiteClient(site, SiteClient.FIREFOX + " " + visitor).get("/articles/ferry-fares");
    }
    site.flushRankings();
    browser.get(site.url(BRIDGE));
    assertThat(browser.find("h1.headline").getText()).isEqualTo(BRIDGE_HEADLINE);
    assertThat(browser.find(".dek").getText()).isNotBlank();
    assertThat(browser.find(".dateline").getText()).isEqualTo("Sunday, December 7, 2025");
    assertThat(browser.find(".byline").getText()).startsWith("By Dana Whitfield");
    assertThat(browser.find("#top-week h2").getText()).isEqualTo("Top 5 This Week");
    assertThat(browser.texts("#top-week li a")).first().isEqualTo("Ferry Fares Rise 10 Percent as Fuel Costs Climb");
    assertThat(browser.find("#popular h2").getText()).isEqualTo("Popular Articles");
    assertThat(browser.texts("#related li a")).hasSize(5).doesNotContain(BRIDGE_HEADLINE);
    // The aside is beside the article on a desktop.
    assertThat(browser.find("aside").getRect().getX()).isGreaterThan(browser.find("main").getRect().getX());
    assertThat(browser.overflow().lines().skip(1)).isEmpty();
  }

  @Test
  void phoneLayoutOf390PixelsHasNoHorizontalOverflow() { // regression: the layout overflowed a 390 px phone
    // A thread as deep as replies go, with a long unbroken word and a long link, to push at the edges.
    String parent = postByHttp("0", "https://example.com/" + "a-very-long-path-segment".repeat(8), "Ann");
    for (int depth = 2; depth <= 5; depth++) {
      parent = postByHttp(parent, "Reply at depth " + depth + ": " + "Donaudampfschifffahrtsgesellschaft".repeat(3), "Ben" + depth);
    }
    browser.viewport(390, 844, true);
    browser.get(site.url(BRIDGE));
    assertThat(browser.driver.executeScript("return window.innerWidth")).isEqualTo(390L);
    assertThat(browser.overflow().lines().skip(1)).as(browser.overflow()).isEmpty();
    // On a phone the boxes come below the article, not beside it.
    assertThat(browser.find("aside").getRect().getY()).isGreaterThan(browser.find("main").getRect().getY());
    assertThat(browser.find("#comment").getRect().getWidth()).isLessThanOrEqualTo(390);
  }

  @Test
  void readerRepliesAndRepliesToTheReply() {
    browser.get(site.url("/articles/ferry-fares"));
    String first = postInBrowser("Fares went up twice this year.", "Ruth O.", "ruth-browser@example.com");
    browser.find("#comment-" + first + " .reply-link").click();
    assertThat(browser.find("#respond h2").getText()).isEqualTo("Reply to Ruth O.");
    String second = postInBrowser("They did, and the schedule got worse.", "Sam P.", "sam-browser@example.com");
    browser.find("#comment-" + second + " .reply-link").click();
    assertThat(browser.find("#respond h2").getText()).isEqualTo("Reply to Sam P.");
    String third = postInBrowser("The council meets on this next week.", "Tia Q.", "tia-browser@example.com");

    assertThat(browser.find("#comment-" + first).getAttribute("class")).contains("depth-1");
    assertThat(browser.find("#comment-" + second).getAttribute("class")).contains("depth-2");
    assertThat(browser.find("#comment-" + third).getAttribute("class")).contains("depth-3");
    assertThat(browser.find("#comment-" + third + " .comment-content").getText())
        .isEqualTo("The council meets on this next week.");
    assertThat(browser.find("#reply-notice").getText()).isEqualTo(ArticleController.PUBLISHED);
    assertThat(site.bean(CommentStore.class).get(third).orElseThrow().comment().parentId()).isEqualTo(second);
  }

  @Test
  void textIsKeptAfterAFieldError() {
    browser.get(site.url("/articles/school-lunch"));
    browser.type("#comment", "A reply I do not want to type twice.");
    browser.type("#email", "kim@example.com");
    clock.advance(Duration.ofSeconds(10));
    browser.clickAndWait("#submit");
    assertThat(browser.find("#author-error").getText()).isEqualTo("Please enter your name here");
    assertThat(browser.find("#comment").getAttribute("value")).isEqualTo("A reply I do not want to type twice.");
    assertThat(browser.find("#email").getAttribute("value")).isEqualTo("kim@example.com");

    browser.type("#author", "Kim");
    clock.advance(Duration.ofSeconds(10));
    browser.clickAndWait("#submit");
    assertThat(browser.find("#reply-notice").getText()).isEqualTo(ArticleController.PUBLISHED);
  }

  @Test
  void textIsKeptAfterAFloodRefusal() {
    browser.get(site.url("/articles/marathon-record"));
    postInBrowser("What a race that was.", "Lou", "lou@example.com");
    browser.type("#comment", "And another thought, right away.");
    browser.type("#author", "Lou");
    browser.type("#email", "lou@example.com");
    clock.advance(Duration.ofSeconds(5));
    browser.clickAndWait("#submit");
    assertThat(browser.find("#reply-notice").getText()).contains("wait 15 seconds");
    assertThat(browser.find("#comment").getAttribute("value")).isEqualTo("And another thought, right away.");
    assertThat(browser.find("#author").getAttribute("value")).isEqualTo("Lou");
  }

  @Test
  void moderatorApprovalShowsTheHeldComment() {
    browser.get(site.url("/articles/budget-draft"));
    String id = postInBrowser("Will the budget refund the parking fees?", "Pat", "pat@example.com");
    assertThat(browser.find("#reply-notice").getText()).isEqualTo(ArticleController.AWAITING_MODERATION);
    assertThat(browser.find("#comment-" + id + " .awaiting").getText()).isEqualTo("Your comment is awaiting moderation.");
    assertThat(site.bean(CommentStore.class).get(id).orElseThrow().status()).isEqualTo(Status.HELD);

    browser.get(site.url("/moderation"));
    browser.waitFor("input[name=username]");
    browser.type("input[name=username]", "moderator");
    browser.type("input[name=password]", SiteInstance.MODERATOR_PASSWORD);
    browser.clickAndWait("button[type=submit]");
    assertThat(browser.find("#queue-" + id + " .queue-content").getText()).isEqualTo("Will the budget refund the parking fees?");
    browser.clickAndWait("#queue-" + id + " .approve");
    assertThat(browser.all("#queue-" + id)).isEmpty();
    browser.clickAndWait("#logout");

    browser.deleteCookie(VisitorIds.COOKIE); // a reader who is not the author
    browser.get(site.url("/articles/budget-draft"));
    assertThat(browser.find("#comment-" + id + " .comment-content").getText()).isEqualTo("Will the budget refund the parking fees?");
    assertThat(browser.all("#comment-" + id + " .awaiting")).isEmpty();
  }

  /** Fills the form of the page shown, posts it a while later, and returns the new comment's id. */
  private static String postInBrowser(String comment, String author, String email) {
    browser.type("#comment", comment);
    browser.type("#author", author);
    browser.type("#email", email);
    clock.advance(Duration.ofSeconds(20));
    browser.clickAndWait("#submit");
    String url = browser.driver.getCurrentUrl();
    assertThat(url).contains("#comment-");
    return url.substring(url.indexOf("#comment-") + "#comment-".length());
  }

  private static String postByHttp(String parent, String comment, String author) {
    SiteClient client = new SiteClient(site, SiteClient.FIREFOX + " " + author);
    Document page = client.page(BRIDGE + ("0".equals(parent) ? "" : "?replyto=" + parent));
    clock.advance(Duration.ofSeconds(20));
    var response = client.reply(page, comment, author, author.toLowerCase() + "@example.com");
    String location = response.headers().firstValue("Location").orElseThrow(() -> new AssertionError(response.body()));
    return location.substring(location.indexOf("#comment-") + "#comment-".length());
  }
}
