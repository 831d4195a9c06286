package dev.masthead.ranking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.masthead.core.ArticleId;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrawlerUserAgentsTest {
  private static final String CUBOT_PHONE = "Mozilla/5.0 (Linux; Android 9; CUBOT KING KONG 3) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/83.0.4103.106 Mobile Safari/537.36";
  private static final String CUBOT_NOTE = "Mozilla/5.0 (Linux; Android 10; CUBOT_NOTE_20_PRO) AppleWebKit/537.36 "
      + "(KHTML, like Gecko) Chrome/96.0.4664.45 Mobile Safari/537.36";

  /** Issue 10, defect 7: "bot" anywhere in the user agent rejected a reader on a CUBOT phone. */
  @Test
  void regressionAReaderOnACubotPhoneIsCounted() {
    CrawlerUserAgents shipped = CrawlerUserAgents.shipped();
    assertThat(shipped.isCrawler(CUBOT_PHONE)).isFalse();
    assertThat(shipped.isCrawler(CUBOT_NOTE)).isFalse();
    assertThat(new CrawlerUserAgents(List.of("bot")).isCrawler(CUBOT_PHONE)).isFalse();
    try (RankingEngine engine = RankingEngine.builder().build()) {
      EngagementEvent view = EngagementEvent.view(ArticleId.of("a"), Instant.now());
      assertThat(engine.record(view.withVisitor(null, CUBOT_PHONE))).isEqualTo(RecordResult.ACCEPTED);
      assertThat(engine.record(view.withVisitor(null,
          "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"))).isEqualTo(RecordResult.CRAWLER);
    }
  }

  @Test
  void aPatternMatchesOnlyWhereAWordStarts() {
    CrawlerUserAgents bots = new CrawlerUserAgents(List.of("bot", "[wW]get", "^curl", "/spider"));
    assertThat(bots.isCrawler("Some bot/1.0")).isTrue();
    assertThat(bots.isCrawler("Bot-X (+https://example.com)")).isTrue(); // case-insensitive
    assertThat(bots.isCrawler("Mozilla/5.0 (compatible; bot)")).isTrue();
    assertThat(bots.isCrawler("Mozilla/5.0 (Linux; Robotics tablet)")).isFalse();
    assertThat(bots.isCrawler("CUBOT X30")).isFalse();
    assertThat(bots.isCrawler("Wget/1.21.4")).isTrue(); // a regular expression, at a word boundary too
    assertThat(bots.isCrawler("xwget")).isFalse();
    assertThat(bots.isCrawler("curl/8.5.0")).isTrue();
    assertThat(bots.isCrawler("libcurl-agent")).isFalse();
    assertThat(bots.isCrawler("agent/spider-2")).isTrue(); // a pattern starting with punctuation matches anywhere
    assertThat(new CrawlerUserAgents(List.of()).isEmpty()).isTrue();
  }

  @Test
  void patternsThatArePlainTextAreLookedUpWithoutRegularExpressions() {
    assertThat(CrawlerUserAgents.literal("Googlebot\\/")).isEqualTo("Googlebot/");
    assertThat(CrawlerUserAgents.literal("Mail\\.RU_Bot")).isEqualTo("Mail.RU_Bot");
    assertThat(CrawlerUserAgents.literal("[wW]get")).isNull();
    assertThat(CrawlerUserAgents.literal("BlogTraffic\\/\\d")).isNull();
    assertThat(CrawlerUserAgents.literal("^curl")).isNull();
  }

  /**
   * Every example user agent of the shipped list is recognised, except those whose pattern only matches
   * inside a word (the price of word boundaries): "Alexabot" is listed under {@code exabot},
   * "Whoiswebsitebot" under {@code sitebot}, "RankSonicSiteAuditor" under {@code Sonic}.
   */
  @Test
  void recognisesTheShippedListsOwnExamples() throws IOException {
    JsonNode list;
    try (InputStream in = CrawlerUserAgents.class.getResourceAsStream(CrawlerUserAgents.RESOURCE)) {
      list = new ObjectMapper().readTree(in);
    }
    CrawlerUserAgents shipped = CrawlerUserAgents.shipped();
    int examples = 0;
    List<String> missed = new ArrayList<>();
    for (JsonNode entry : list) {
      for (JsonNode instance : entry.path("instances")) {
        examples++;
        if (!shipped.isCrawler(instance.asText())) {
          missed.add(instance.asText());
        }
      }
    }
    assertThat(list.size()).isEqualTo(CrawlerUserAgents.shippedPatterns().size()).isGreaterThan(1_000);
    assertThat(examples).isGreaterThan(2_000);
    assertThat(missed).allSatisfy(ua -> assertThat(ua).containsAnyOf("Alexabot", "Whoiswebsitebot", "RankSonic"));
    assertThat(missed).hasSizeLessThanOrEqualTo(3);
  }

  @Test
  void browsersAreNotCrawlers() {
    CrawlerUserAgents shipped = CrawlerUserAgents.shipped();
    for (String ua : List.of(
        "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 "
            + "Safari/537.36 Edg/131.0.0.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
            + "Version/18.1 Mobile/15E148 Safari/604.1",
        CUBOT_PHONE)) {
      assertThat(shipped.isCrawler(ua)).as(ua).isFalse();
    }
  }
}
