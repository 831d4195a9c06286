package dev.masthead.comments.spam;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.masthead.comments.Comment;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a local server on 127.0.0.1 that speaks Akismet's API, answering by the comment's content. */
class AkismetClientTest {
  private HttpServer server;
  private final List<Map<String, String>> requests = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch hugeAnswerDone = new CountDownLatch(1);
  private final java.util.concurrent.atomic.AtomicBoolean hugeAnswerSentWhole = new java.util.concurrent.atomic.AtomicBoolean();
  private AkismetClient client;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      Map<String, String> form = parse(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      requests.add(form);
      paths.add(exchange.getRequestURI().getPath());
      String content = form.getOrDefault("comment_content", "");
      int status = 200;
      String body;
      if (!"key-123".equals(form.get("api_key"))) {
        body = "invalid";
      } else if (exchange.getRequestURI().getPath().endsWith("/submit-spam")
          || exchange.getRequestURI().getPath().endsWith("/submit-ham")) {
        body = "Thanks for making the web a better place.";
      } else if (content.contains("viagra-test-123")) {
        body = "true";
        if (content.contains("blatant")) {
          exchange.getResponseHeaders().add("X-akismet-pro-tip", "discard");
        }
      } else if (content.contains("huge-answer")) {
        exchange.sendResponseHeaders(200, 0); // chunked
        try (OutputStream out = exchange.getResponseBody()) {
          byte[] junk = new byte[64 * 1024];
          java.util.Arrays.fill(junk, (byte) 'x');
          for (int i = 0; i < 160; i++) { // 10 MiB, unless the client stops reading
            out.write(junk);
          }
          hugeAnswerSentWhole.set(true);
        } catch (IOException closedByClient) {
          // the client cancelled the transfer: what a capped reader does
        } finally {
          hugeAnswerDone.countDown();
        }
        return;
      } else if (content.contains("unreadable-answer")) {
        body = "maybe";
      } else if (content.contains("server-error")) {
        status = 500;
        body = "oops";
      } else if (content.contains("slow")) {
        try {
          release.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        body = "false";
      } else {
        body = "false";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    client = client("key-123", Duration.ofSeconds(2));
  }

  private AkismetClient client(String key, Duration timeout) {
    return AkismetClient.builder().apiKey(key).blog(URI.create("https://news.example.com"))
        .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).timeout(timeout).test(true)
        .blogLanguage(java.util.Locale.ENGLISH).build();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private static Map<String, String> parse(String body) {
    Map<String, String> out = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private List<Signal> check(String text) {
    return SpamChecks.akismet(client).check(TestComments.text(text), SpamContext.EMPTY);
  }

  @Test
  void spamIsSpam() {
    assertThat(check("buy viagra-test-123")).singleElement().satisfies(s -> {
      assertThat(s.code()).isEqualTo("akismet.spam");
      assertThat(s.floor()).isEqualTo(Decision.SPAM);
    });
  }

  @Test
  void hamGivesNoSignal() {
    assertThat(check("a thoughtful reply")).isEmpty();
  }

  @Test
  void theDiscardTipDiscards() {
    assertThat(check("blatant viagra-test-123")).extracting(Signal::floor).containsExactly(Decision.DISCARD);
  }

  @Test
  void anInvalidKeyHoldsNeverSpam() {
    assertThat(SpamChecks.akismet(client("wrong", Duration.ofSeconds(2))).check(TestComments.text("viagra-test-123"),
        SpamContext.EMPTY)).extracting(Signal::code, Signal::floor)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("akismet.unavailable", Decision.HOLD));
  }

  @Test
  void anHttpErrorHolds() {
    assertThat(check("server-error")).extracting(Signal::floor).containsExactly(Decision.HOLD);
  }

  @Test
  void aTimeoutHolds() {
    AkismetClient impatient = client("key-123", Duration.ofMillis(200));
    // The server answers "false" (ham) only after 5 s, so "unavailable" shows that the client gave up first.
    List<Signal> signals = SpamChecks.akismet(impatient).check(TestComments.text("slow"), SpamContext.EMPTY);
    assertThat(signals).extracting(Signal::code).containsExactly("akismet.unavailable");
  }

  @Test
  void anUnreachableServiceHolds() {
    AkismetClient nowhere = AkismetClient.builder().apiKey("key-123").blog(URI.create("https://news.example.com"))
        .endpoint(URI.create("http://127.0.0.1:1")).timeout(Duration.ofMillis(500)).build();
    assertThat(SpamChecks.akismet(nowhere).check(TestComments.text("hello"), SpamContext.EMPTY))
        .extracting(Signal::floor).containsExactly(Decision.HOLD);
  }

  @Test
  void sendsTheDocumentedParameters() {
    Comment reply = TestComments.of("a1", "c7", "Ann Reader", "ann@example.com", "203.0.113.7", "<p>Nice</p>", TestComments.NOW);
    SpamChecks.akismet(client).check(reply, SpamContext.EMPTY.withPermalink(URI.create("https://news.example.com/a1")));
    Map<String, String> p = requests.get(0);
    assertThat(paths.get(0)).isEqualTo("/1.1/comment-check");
    assertThat(p).containsEntry("api_key", "key-123").containsEntry("blog", "https://news.example.com")
        .containsEntry("user_ip", "203.0.113.7").containsEntry("user_agent", "Mozilla/5.0 (X11; Linux x86_64)")
        .containsEntry("referrer", "https://news.example.com/").containsEntry("permalink", "https://news.example.com/a1")
        .containsEntry("comment_type", "reply").containsEntry("comment_author", "Ann Reader")
        .containsEntry("comment_author_email", "ann@example.com").containsEntry("comment_content", "<p>Nice</p>")
        .containsEntry("comment_date_gmt", "2025-12-07T18:00:00Z").containsEntry("blog_lang", "en")
        .containsEntry("blog_charset", "UTF-8").containsEntry("is_test", "1");
  }

  @Test
  void feedbackIsSubmitted() throws Exception {
    assertThat(client.submitSpam(TestComments.text("x"), SpamContext.EMPTY).get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(client.submitHam(TestComments.text("y"), SpamContext.EMPTY).get(5, TimeUnit.SECONDS)).isTrue();
    assertThat(paths).containsExactly("/1.1/submit-spam", "/1.1/submit-ham");
  }

  @Test
  void theFilterSkipsAkismetOnceSettledAndUsesItOtherwise() {
    SpamFilter filter = SpamFilter.builder().check(SpamChecks.honeypot()).check(SpamChecks.akismet(client)).build();
    assertThat(filter.check(TestComments.text("viagra-test-123"), new SpamContext("bot", null, null, null)).skipped())
        .containsExactly("akismet");
    assertThat(requests).isEmpty();
    assertThat(filter.checkAsync(TestComments.text("viagra-test-123"), SpamContext.EMPTY).join().decision())
        .isEqualTo(Decision.SPAM);
  }

  @Test
  void regressionAHugeAnswerIsCutAndHolds() throws InterruptedException {
    assertThat(check("huge-answer")).extracting(Signal::code).containsExactly("akismet.unavailable");
    assertThat(hugeAnswerDone.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(hugeAnswerSentWhole).as("the client read only the first KiB and hung up").isFalse();
  }

  /** A logger that records what it is asked to log at WARN. */
  static final class RecordingLogger extends org.slf4j.helpers.LegacyAbstractLogger {
    final List<String> warnings = new CopyOnWriteArrayList<>();

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(org.slf4j.event.Level level, org.slf4j.Marker marker, String pattern,
        Object[] arguments, Throwable throwable) {
      if (level == org.slf4j.event.Level.WARN) {
        warnings.add(org.slf4j.helpers.MessageFormatter.basicArrayFormat(pattern, arguments));
      }
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public boolean isDebugEnabled() {
      return false;
    }

    @Override
    public boolean isInfoEnabled() {
      return false;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }
  }

  private final RecordingLogger log = new RecordingLogger();
  private final java.util.concurrent.atomic.AtomicLong nanos = new java.util.concurrent.atomic.AtomicLong();

  private AkismetClient.Builder recorded(String key, Duration timeout, URI endpoint) {
    return AkismetClient.builder().apiKey(key).blog(URI.create("https://news.example.com")).endpoint(endpoint)
        .timeout(timeout).logger(log).nanoTime(nanos::get);
  }

  private URI local() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private static Signal only(AkismetClient client, String text) {
    List<Signal> signals = SpamChecks.akismet(client).check(TestComments.text(text), SpamContext.EMPTY);
    assertThat(signals).hasSize(1);
    return signals.get(0);
  }

  @Test
  void regressionEveryKindOfFailureIsLoggedAtWarnWithItsCauseAndTheSameCode() throws IOException {
    AkismetClient ok = recorded("key-123", Duration.ofSeconds(2), local()).build();
    AkismetClient wrongKey = recorded("wrong", Duration.ofSeconds(2), local()).build();
    AkismetClient impatient = recorded("key-123", Duration.ofMillis(200), local()).build();
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    AkismetClient refused = recorded("key-123", Duration.ofSeconds(2), URI.create("http://127.0.0.1:" + closedPort)).build();

    Map<String, Signal> byCase = new java.util.LinkedHashMap<>();
    byCase.put("HTTP error: HTTP status 500", only(ok, "server-error"));
    byCase.put("invalid API key", only(wrongKey, "hello"));
    byCase.put("unreadable answer", only(ok, "unreadable-answer"));
    byCase.put("timeout: no answer within 200 ms", only(impatient, "slow"));
    byCase.put("connection failed", only(refused, "hello"));
    byCase.forEach((cause, signal) -> {
      assertThat(signal.code()).as(cause).isEqualTo("akismet.unavailable");
      assertThat(signal.floor()).as(cause).isEqualTo(Decision.HOLD);
      assertThat(signal.reason()).as(cause).contains(cause);
    });
    assertThat(log.warnings).hasSize(5);
    assertThat(String.join("\n", log.warnings)).contains("HTTP_STATUS", "INVALID_KEY", "UNREADABLE_ANSWER", "TIMEOUT",
        "CONNECTION_FAILED");
    for (String warning : log.warnings) {
      assertThat(warning).doesNotContain("key-123", "wrong", "ann@example.com", "203.0.113.7", "Ann Reader", "slow",
          "hello");
    }
  }

  @Test
  void warnsAtMostOnceAMinutePerKindAndCountsTheRest() {
    AkismetClient ok = recorded("key-123", Duration.ofSeconds(2), local()).build();
    for (int i = 0; i < 3; i++) {
      only(ok, "server-error");
    }
    only(ok, "unreadable-answer");
    assertThat(log.warnings).hasSize(2);
    nanos.addAndGet(Duration.ofSeconds(59).toNanos());
    only(ok, "server-error");
    assertThat(log.warnings).hasSize(2);
    nanos.addAndGet(Duration.ofSeconds(1).toNanos());
    only(ok, "server-error");
    assertThat(log.warnings).hasSize(3);
    assertThat(log.warnings.get(2)).contains("3 more of this kind");
  }

  @Test
  void regressionTheFiltersShorterTimeoutGivesTheSameCode() {
    AkismetClient patient = recorded("key-123", Duration.ofSeconds(10), local()).build();
    Verdict v = SpamFilter.builder().check(SpamChecks.akismet(patient)).checkTimeout(Duration.ofMillis(200)).build()
        .check(TestComments.text("slow"), SpamContext.EMPTY);
    assertThat(v.signals()).singleElement().satisfies(s -> {
      assertThat(s.code()).isEqualTo("akismet.unavailable");
      assertThat(s.floor()).isEqualTo(Decision.HOLD);
      assertThat(s.reason()).contains("timed out").contains("200 ms");
    });
  }

  @Test
  void regressionTheEndpointsPathIsKeptAsAPrefix() {
    AkismetClient proxied = recorded("key-123", Duration.ofSeconds(2), URI.create(local() + "/akismet/")).build();
    assertThat(SpamChecks.akismet(proxied).check(TestComments.text("viagra-test-123"), SpamContext.EMPTY))
        .extracting(Signal::code).containsExactly("akismet.spam");
    assertThat(paths).containsExactly("/akismet/1.1/comment-check");
    assertThat(proxied.methodUri("submit-ham")).hasToString(local() + "/akismet/1.1/submit-ham");
    assertThat(client.methodUri("comment-check")).hasToString(local() + "/1.1/comment-check");
  }

  @Test
  void refusesAnEndpointWithAQuery() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AkismetClient.builder()
        .endpoint(URI.create("https://rest.akismet.com/?x=1"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("query");
  }
}
