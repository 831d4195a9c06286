package dev.masthead.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.examples.ArticlePageDemo;
import dev.masthead.redis.RedisServer;
import dev.masthead.testing.TestClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two site instances on one real redis-server (the redis module's test harness), as two servers behind a load
 * balancer: they share the "Top 5 This Week" and refuse a flood split across them. Driven in Chromium.
 */
class TwoSitesOnRedisTest {
  private static final String SECRET = "two-sites-share-this-secret-0123456789";

  private static TestClock clock;
  private static RedisServer redis;
  private static SiteInstance a;
  private static SiteInstance b;
  private static Browser browser;

  @BeforeAll
  static void start() {
    browser = Browser.start(null);
    redis = RedisServer.start();
    clock = new TestClock(ArticlePageDemo.SAMPLE_NOW);
    a = SiteInstance.start(clock, "masthead.redis.uri=" + redis.uri(), "masthead.spam.stores.site-secret=" + SECRET);
    b = SiteInstance.start(clock, "masthead.redis.uri=" + redis.uri(), "masthead.spam.stores.site-secret=" + SECRET);
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {browser, a, b, redis}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception e) {
        // keep closing the others
      }
    }
  }

  @Test
  void viewsCountedOnOneSiteShowInTheOtherSitesTop5() {
    for (String visitor : List.of("one", "two", "three")) {
      new SiteClient(a, SiteClient.FIREFOX + " " + visitor).page("/articles/library-hours");
    }
    new SiteClient(a, SiteClient.FIREFOX + " four").page("/articles/school-lunch");
    new SiteClient(a, SiteClient.FIREFOX + " four").page("/articles/school-lunch"); // a reload: still one view
    a.flushRankings();

    browser.get(b.url("/articles/harbor-bridge-vote"));
    assertThat(browser.texts("#top-week li a")).startsWith("Public Library Adds Sunday Hours at Five Branches",
        "Free School Lunches Extended to Every Student in the District");
    assertThat(browser.texts("#top-week li .note")).startsWith("3 views this week", "1 view this week");
  }

  @Test
  void floodSplitAcrossTheTwoSitesIsRefusedWithTheTextKept() {
    clock.advance(Duration.ofMinutes(1));
    browser.get(a.url("/articles/ferry-fares"));
    browser.type("#comment", "Posted on the first server.");
    browser.type("#author", "Flo");
    browser.type("#email", "flo@example.com");
    clock.advance(Duration.ofSeconds(20));
    browser.clickAndWait("#submit");
    assertThat(browser.find("#reply-notice").getText()).isEqualTo(ArticleController.PUBLISHED);

    browser.get(b.url("/articles/ferry-fares"));
    browser.type("#comment", "And at once on the second one.");
    browser.type("#author", "Flo");
    browser.type("#email", "flo@example.com");
    clock.advance(Duration.ofSeconds(5));
    browser.clickAndWait("#submit");
    assertThat(browser.find("#reply-notice").getText()).contains("wait 15 seconds");
    assertThat(browser.find("#comment").getAttribute("value")).isEqualTo("And at once on the second one.");
  }
}
