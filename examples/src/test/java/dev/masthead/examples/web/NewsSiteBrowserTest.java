package dev.masthead.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.testing.Prerequisites;
import dev.masthead.testing.TestClock;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The article page end to end in headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * driven by Selenium with their fixed paths, so Selenium Manager never downloads anything).
 *
 * <p>Skipped with a message when Chromium is missing, except in CI (the environment variable {@code CI} set, see
 * {@link Prerequisites#inCi()}), where a missing browser fails the test: {@code .ci/run} installs it.
 */
class NewsSiteBrowserTest {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private TestClock clock;
  private NewsSite site;
  private Path profile;
  private WebDriver browser;

  @BeforeEach
  void start() throws IOException {
    // Skipped when missing; with CI=true it fails instead (.ci/run installs them).
    Prerequisites.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        CHROMIUM + " or " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
    clock = new TestClock(NewsSiteApiTest.SAMPLE_NOW);
    site = NewsSite.builder().articles(NewsSite.loadSampleCatalog()).clock(clock).build();
    site.start();

    profile = Files.createTempDirectory("masthead-chromium-");
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
  }

  @AfterEach
  void stop() throws IOException {
    if (browser != null) {
      browser.quit();
    }
    if (site != null) {
      site.stop();
    }
    if (profile != null) {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void readerSeesTheBoxesTheFieldMessagesAndTheirPublishedReply() throws Exception {
    // Some readers came before (Chromium's own views do not count: "HeadlessChrome" is a crawler's agent).
    for (String id : List.of("a2", "a2", "a3", "a6")) {
      view(id);
    }
    site.ranking().flush(); // recorded views reach the store within a flush interval; the test does not wait
    String url = "http://127.0.0.1:" + site.port() + "/articles/harbor-bridge-vote";
    browser.get(url);
    assertThat(browser.findElement(By.cssSelector("h1.headline")).getText())
        .isEqualTo("City Council Approves Harbor Bridge Repairs After Two-Year Delay");
    assertThat(browser.findElement(By.cssSelector("#top-week h2")).getText()).isEqualTo("Top 5 This Week");
    assertThat(texts("#top-week li a")).hasSize(3).first().isEqualTo("Ferry Fares Rise 10 Percent as Fuel Costs Climb");
    assertThat(browser.findElement(By.cssSelector("#popular h2")).getText()).isEqualTo("Popular Articles");
    assertThat(texts("#popular li a")).hasSize(3);
    assertThat(browser.findElement(By.cssSelector("#related h2")).getText()).isEqualTo("Related Posts");
    assertThat(texts("#related li a")).hasSize(5)
        .doesNotContain("City Council Approves Harbor Bridge Repairs After Two-Year Delay");

    // An empty form: every required field gets its message next to it, nothing is published.
    browser.findElement(By.id("submit")).click();
    wait(By.id("comment-error"));
    assertThat(browser.findElement(By.id("comment-error")).getText()).isEqualTo("Please enter your comment!");
    assertThat(browser.findElement(By.id("author-error")).getText()).isEqualTo("Please enter your name here");
    assertThat(browser.findElement(By.id("email-error")).getText()).isEqualTo("Please enter your email address here");
    assertThat(browser.findElements(By.id("url-error"))).isEmpty();
    assertThat(browser.findElements(By.cssSelector("#comments li"))).isEmpty();

    // A good reply, posted more than the form token's 3-second minimum after the page was rendered.
    browser.findElement(By.id("comment")).sendKeys("Finally! I cross that bridge every day <b>twice</b>.");
    browser.findElement(By.id("author")).sendKeys("Ruth O.");
    browser.findElement(By.id("email")).sendKeys("ruth@example.com");
    clock.advance(Duration.ofSeconds(10));
    browser.findElement(By.id("submit")).click();
    wait(By.id("reply-notice"));
    assertThat(browser.findElement(By.id("reply-notice")).getText()).isEqualTo(ArticlePages.PUBLISHED);
    List<WebElement> comments = browser.findElements(By.cssSelector("#comments li.comment"));
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).findElement(By.cssSelector(".comment-author")).getText()).startsWith("Ruth O.");
    assertThat(comments.get(0).findElement(By.cssSelector(".comment-content")).getText())
        .isEqualTo("Finally! I cross that bridge every day twice.");
    assertThat(comments.get(0).findElements(By.cssSelector(".comment-content b"))).hasSize(1);
    assertThat(browser.findElement(By.id("comment")).getAttribute("value")).isEmpty();
  }

  private List<String> texts(String css) {
    return browser.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
  }

  private void wait(By locator) {
    new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(locator));
  }

  private void view(String articleId) {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + site.port() + "/api/events"))
        .POST(HttpRequest.BodyPublishers.ofString("{\"articleId\":\"" + articleId + "\"}")).build();
    try {
      HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(202);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
