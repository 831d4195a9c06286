package dev.masthead.examples.site;

import dev.masthead.testing.Prerequisites;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's {@code chromium} and {@code chromium-driver} at their fixed paths, so Selenium
 * Manager never downloads anything) with a fresh profile; closing it quits the browser and deletes the profile.
 * Missing binaries skip the test, or fail it with {@code CI=true} ({@link Prerequisites}).
 */
final class Browser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * Starts a browser.
   *
   * @param userAgent the user agent to send, or {@code null} for Chromium's own ("HeadlessChrome", which the
   *     ranking engine counts as a crawler)
   */
  static Browser start(String userAgent) {
    Prerequisites.require(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
        CHROMIUM + " or " + CHROMEDRIVER + " (apt-get install chromium chromium-driver)");
    Path profile;
    try {
      profile = Files.createTempDirectory("masthead-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900",
        "--user-data-dir=" + profile);
    if (userAgent != null) {
      options.addArguments("--user-agent=" + userAgent);
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
    return new Browser(driver, profile);
  }

  void get(String url) {
    driver.get(url);
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  List<String> texts(String css) {
    return all(css).stream().map(WebElement::getText).toList();
  }

  void waitFor(String css) {
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
  }

  void type(String css, String text) {
    WebElement e = find(css);
    e.clear();
    e.sendKeys(text);
  }

  /** Clicks and waits for the next page to load (the old page's body goes stale). */
  void clickAndWait(String css) {
    WebElement body = find("body");
    find(css).click();
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
      try {
        body.isEnabled();
        return false;
      } catch (WebDriverException e) { // stale, or "does not belong to the document": the next page is there
        return true;
      }
    });
    new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(d -> "complete".equals(driver.executeScript("return document.readyState")));
  }

  /** Emulates a phone's viewport (Chrome DevTools' device metrics), or the desktop again with width 0. */
  void viewport(int width, int height, boolean mobile) {
    if (width == 0) {
      driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
      return;
    }
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 3, "mobile", mobile));
  }

  /**
   * Returns the elements that stick out to the right of the viewport, and the page's scroll width.
   *
   * @return {@code "scrollWidth=N innerWidth=M"} followed by each offending element, empty list of offenders
   *     meaning no horizontal overflow
   */
  String overflow() {
    Object result = driver.executeScript("""
        const w = document.documentElement.clientWidth;
        const out = ['scrollWidth=' + document.documentElement.scrollWidth + ' clientWidth=' + w];
        for (const e of document.querySelectorAll('body *')) {
          const r = e.getBoundingClientRect();
          if (r.width > 0 && r.right > w + 0.5 && !e.closest('.hp')) {
            out.push(e.tagName + (e.id ? '#' + e.id : '') + '.' + e.className + ' right=' + r.right);
          }
        }
        return out.join('\\n');
        """);
    return String.valueOf(result);
  }

  void deleteCookie(String name) {
    driver.manage().deleteCookieNamed(name);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
