package dev.masthead.comments.spam;

import dev.masthead.comments.Comment;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A client of the <a href="https://akismet.com/developers/">Akismet</a> anti-spam service, on
 * {@code java.net.http}: {@code comment-check}, {@code submit-spam} and {@code submit-ham}.
 *
 * <p>Each call is a form-encoded POST to {@code <endpoint>/1.1/<method>} with the documented parameters:
 * {@code api_key}, {@code blog}, {@code user_ip}, {@code user_agent}, {@code referrer}, {@code permalink},
 * {@code comment_type} ({@code comment}, or {@code reply} for a reply), {@code comment_author},
 * {@code comment_author_email}, {@code comment_author_url}, {@code comment_content} (the sanitized HTML),
 * {@code comment_date_gmt} (ISO 8601), {@code blog_lang}, {@code blog_charset} ({@code UTF-8}) and
 * {@code is_test} (when set). Defaults: endpoint {@code https://rest.akismet.com}, timeout 2 seconds per call.
 *
 * <p>At most 1 KiB of an answer is read, and the timeout covers the whole exchange, body included. Results
 * never fail the future: a timeout, an HTTP status other than 200, an {@code invalid} key, an unreadable answer
 * or a connection that fails (refused, unknown host, TLS) complete it with an {@link Answer} of
 * {@link Result#UNAVAILABLE} and its {@link Failure}, which {@link SpamChecks#akismet} turns into a HOLD, never
 * SPAM, with a reason that names the cause.
 *
 * <p><b>Logging.</b> Each kind of failure is logged at WARN through SLF4J, at most once a minute per kind and
 * client, with the cause only (the method, the kind, an HTTP status or an exception's class): never the API key,
 * the commenter's data or the comment. Other occurrences within the minute are counted and the count is
 * included in the next warning.
 *
 * <p>Immutable in its configuration and thread-safe.
 */
public final class AkismetClient {
  /** The default endpoint: {@value}. */
  public static final String DEFAULT_ENDPOINT = "https://rest.akismet.com";
  /** The default timeout of one call: 2 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  /** The most bytes of an answer read: Akismet answers with a word or a sentence; the rest is not read. */
  static final int MAX_BODY_BYTES = 1_024;

  /** What {@code comment-check} answered. */
  public enum Result {
    /** {@code false}: Akismet found no spam. */
    HAM,
    /** {@code true}: spam. */
    SPAM,
    /** {@code true} with the header {@code X-akismet-pro-tip: discard}: blatant spam, safe to drop unseen. */
    DISCARD,
    /** No usable answer; the {@link Answer#failure()} says why. */
    UNAVAILABLE
  }

  /** Why Akismet gave no usable answer. */
  public enum Failure {
    /** No whole answer within the client's timeout. */
    TIMEOUT,
    /** An HTTP status other than 200. */
    HTTP_STATUS,
    /** The answer {@code invalid}: the API key or the blog is not valid. */
    INVALID_KEY,
    /** A 200 answer that is none of {@code true}, {@code false} and {@code invalid}, or could not be read. */
    UNREADABLE_ANSWER,
    /** The connection failed: refused, reset, unknown host, TLS handshake. */
    CONNECTION_FAILED
  }

  /**
   * One answer of {@code comment-check}.
   *
   * @param result what Akismet said, or {@link Result#UNAVAILABLE}
   * @param failure why it is unavailable, or {@code null} when {@code result} is not {@link Result#UNAVAILABLE}
   * @param detail the cause in English, without personal data, for reasons and logs: for example
   *     {@code "HTTP status 503"} or {@code "no answer within 2000 ms"}; empty for a usable answer
   */
  public record Answer(Result result, @Nullable Failure failure, String detail) {
    /**
     * Validates the answer.
     *
     * @throws NullPointerException if {@code result} or {@code detail} is null
     * @throws IllegalArgumentException if {@code failure} is set for a usable result, or missing for
     *     {@link Result#UNAVAILABLE}
     */
    public Answer {
      Objects.requireNonNull(result, "result");
      Objects.requireNonNull(detail, "detail");
      if ((result == Result.UNAVAILABLE) != (failure != null)) {
        throw new IllegalArgumentException("a failure goes with UNAVAILABLE only, was " + result + "/" + failure);
      }
    }

    static Answer of(Result result) {
      return new Answer(result, null, "");
    }

    static Answer failed(Failure failure, String detail) {
      return new Answer(Result.UNAVAILABLE, failure, detail);
    }
  }

  /** The shortest time between two warnings of one kind: one minute. */
  static final long WARNING_INTERVAL_NANOS = java.util.concurrent.TimeUnit.MINUTES.toNanos(1);

  private final HttpClient http;
  private final URI endpoint;
  private final String apiKey;
  private final URI blog;
  private final Duration timeout;
  private final boolean test;
  private final @Nullable String blogLanguage;
  private final java.util.function.LongSupplier nanoTime;
  private final org.slf4j.Logger log;
  /** Per kind of failure: when it was last logged (nanoTime), and how many were not logged since. */
  private final java.util.Map<Failure, long[]> warnings = new java.util.EnumMap<>(Failure.class);

  private AkismetClient(Builder b) {
    this.http = b.http != null ? b.http : HttpClient.newBuilder().connectTimeout(b.timeout).build();
    this.endpoint = b.endpoint;
    this.apiKey = Objects.requireNonNull(b.apiKey, "apiKey");
    this.blog = Objects.requireNonNull(b.blog, "blog");
    this.timeout = b.timeout;
    this.test = b.test;
    this.blogLanguage = b.blogLanguage;
    this.nanoTime = b.nanoTime;
    this.log = b.log;
  }

  /**
   * Returns a new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Asks Akismet whether a comment is spam.
   *
   * @param comment the valid comment
   * @param context its context (the permalink is sent when present)
   * @return the answer; the future always completes normally, within the timeout
   * @throws NullPointerException if an argument is null
   */
  public CompletableFuture<Answer> commentCheck(Comment comment, SpamContext context) {
    return post("comment-check", comment, context).thenApply(exchange -> {
      Answer answer = answer(exchange);
      if (answer.failure() != null) {
        warn("comment-check", answer.failure(), answer.detail());
      }
      return answer;
    });
  }

  private Answer answer(Exchange exchange) {
    HttpResponse<String> response = exchange.response();
    if (response == null) {
      return failure(Objects.requireNonNull(exchange.error()));
    }
    if (response.statusCode() != 200) {
      return Answer.failed(Failure.HTTP_STATUS, "HTTP status " + response.statusCode());
    }
    String body = response.body().strip();
    switch (body) {
      case "true":
        boolean discard = response.headers().firstValue("X-akismet-pro-tip")
            .map(v -> v.strip().equalsIgnoreCase("discard")).orElse(false);
        return Answer.of(discard ? Result.DISCARD : Result.SPAM);
      case "false":
        return Answer.of(Result.HAM);
      case "invalid":
        return Answer.failed(Failure.INVALID_KEY, "the API key or blog was refused (\"invalid\")");
      default:
        return Answer.failed(Failure.UNREADABLE_ANSWER, "an answer that is not true, false or invalid ("
            + body.length() + " chars)");
    }
  }

  private Answer failure(Throwable error) {
    Throwable cause = error;
    while ((cause instanceof java.util.concurrent.CompletionException
        || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof java.util.concurrent.TimeoutException || cause instanceof java.net.http.HttpTimeoutException) {
      return Answer.failed(Failure.TIMEOUT, "no answer within " + timeout.toMillis() + " ms");
    }
    if (cause instanceof java.net.ConnectException || cause instanceof java.net.UnknownHostException
        || cause instanceof javax.net.ssl.SSLException || cause instanceof java.net.SocketException
        || cause instanceof java.nio.channels.UnresolvedAddressException) {
      String kind = cause instanceof java.net.ConnectException ? "connection refused or failed"
          : cause instanceof java.net.UnknownHostException || cause instanceof java.nio.channels.UnresolvedAddressException
              ? "unknown host" : cause instanceof javax.net.ssl.SSLException ? "TLS failure" : "connection failed";
      return Answer.failed(Failure.CONNECTION_FAILED, kind + " (" + cause.getClass().getName() + ")");
    }
    if (cause instanceof java.io.IOException) {
      // the exchange broke off: a connection closed or reset mid-answer, or a body that could not be decoded
      return Answer.failed(Failure.CONNECTION_FAILED, "the exchange failed (" + cause.getClass().getName() + ")");
    }
    return Answer.failed(Failure.UNREADABLE_ANSWER, "the answer could not be read (" + cause.getClass().getName() + ")");
  }

  /** Logs a failure at WARN unless one of its kind was logged less than a minute ago; counts the others. */
  private void warn(String method, Failure failure, String detail) {
    long now = nanoTime.getAsLong();
    long suppressed;
    synchronized (warnings) {
      long[] state = warnings.get(failure);
      if (state != null && now - state[0] < WARNING_INTERVAL_NANOS) {
        state[1]++;
        return;
      }
      suppressed = state == null ? 0 : state[1];
      warnings.put(failure, new long[] {now, 0});
    }
    log.warn("Akismet {} failed: {}, {}{}; comments are held for moderation until it answers", method, failure,
        detail, suppressed == 0 ? "" : " (" + suppressed + " more of this kind in the last minute not logged)");
  }

  /**
   * Tells Akismet that a comment it let through is spam.
   *
   * @param comment the comment
   * @param context its context
   * @return {@code true} if Akismet acknowledged it; the future always completes normally
   * @throws NullPointerException if an argument is null
   */
  public CompletableFuture<Boolean> submitSpam(Comment comment, SpamContext context) {
    return submit("submit-spam", comment, context);
  }

  /**
   * Tells Akismet that a comment it flagged is ham.
   *
   * @param comment the comment
   * @param context its context
   * @return {@code true} if Akismet acknowledged it; the future always completes normally
   * @throws NullPointerException if an argument is null
   */
  public CompletableFuture<Boolean> submitHam(Comment comment, SpamContext context) {
    return submit("submit-ham", comment, context);
  }

  private CompletableFuture<Boolean> submit(String method, Comment comment, SpamContext context) {
    return post(method, comment, context).thenApply(exchange -> {
      HttpResponse<String> r = exchange.response();
      if (r != null && r.statusCode() == 200) {
        return true;
      }
      Answer failed = r != null ? Answer.failed(Failure.HTTP_STATUS, "HTTP status " + r.statusCode())
          : failure(Objects.requireNonNull(exchange.error()));
      warn(method, Objects.requireNonNull(failed.failure()), failed.detail());
      return false;
    });
  }

  /** A response, or the error that took its place. */
  private record Exchange(@Nullable HttpResponse<String> response, @Nullable Throwable error) {}

  /** The URL of a method: the endpoint's path (a proxy's prefix, say), then {@code /1.1/<method>}. */
  URI methodUri(String method) {
    String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + path + "/1.1/" + method);
  }

  private CompletableFuture<Exchange> post(String method, Comment comment, SpamContext context) {
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(context, "context");
    try {
      HttpRequest request = HttpRequest.newBuilder(methodUri(method))
          .timeout(timeout)
          .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
          .header("User-Agent", "Masthead/0.1 | Akismet/3.1")
          .POST(HttpRequest.BodyPublishers.ofString(form(parameters(comment, context)), StandardCharsets.UTF_8))
          .build();
      // The request timeout covers the headers only; this one covers the whole exchange, body included, so a
      // server that drips its answer cannot hold the caller longer than the timeout.
      return http.sendAsync(request, info -> new LimitedBody(MAX_BODY_BYTES))
          .orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
          .handle((r, e) -> e != null ? new Exchange(null, e) : new Exchange(r, null));
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(new Exchange(null, e));
    }
  }

  /** Reads at most {@code max} bytes of a body as UTF-8, then cancels the rest of the transfer. */
  private static final class LimitedBody implements HttpResponse.BodySubscriber<String> {
    private final int max;
    private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    private final CompletableFuture<String> body = new CompletableFuture<>();
    private java.util.concurrent.Flow.@Nullable Subscription subscription;

    LimitedBody(int max) {
      this.max = max;
    }

    @Override
    public void onSubscribe(java.util.concurrent.Flow.Subscription s) {
      subscription = s;
      s.request(1);
    }

    @Override
    public void onNext(java.util.List<java.nio.ByteBuffer> items) {
      for (java.nio.ByteBuffer b : items) {
        int n = Math.min(b.remaining(), max - bytes.size());
        byte[] chunk = new byte[n];
        b.get(chunk);
        bytes.write(chunk, 0, n);
      }
      java.util.concurrent.Flow.Subscription s = java.util.Objects.requireNonNull(subscription);
      if (bytes.size() >= max) {
        s.cancel();
        body.complete(bytes.toString(StandardCharsets.UTF_8));
      } else {
        s.request(1);
      }
    }

    @Override
    public void onError(Throwable error) {
      body.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      body.complete(bytes.toString(StandardCharsets.UTF_8));
    }

    @Override
    public java.util.concurrent.CompletionStage<String> getBody() {
      return body;
    }
  }

  Map<String, String> parameters(Comment comment, SpamContext context) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("api_key", apiKey);
    p.put("blog", blog.toString());
    p.put("user_ip", orEmpty(comment.client().ipAddress()));
    p.put("user_agent", orEmpty(comment.client().userAgent()));
    p.put("referrer", orEmpty(comment.client().referrer()));
    if (context.permalink() != null) {
      p.put("permalink", context.permalink().toString());
    }
    p.put("comment_type", comment.parentId() == null ? "comment" : "reply");
    p.put("comment_author", comment.authorName());
    p.put("comment_author_email", comment.authorEmail());
    if (comment.authorUrl() != null) {
      p.put("comment_author_url", comment.authorUrl().toString());
    }
    p.put("comment_content", comment.contentHtml().html());
    p.put("comment_date_gmt", DateTimeFormatter.ISO_INSTANT.format(comment.submittedAt()));
    if (blogLanguage != null) {
      p.put("blog_lang", blogLanguage);
    }
    p.put("blog_charset", "UTF-8");
    if (test) {
      p.put("is_test", "1");
    }
    return p;
  }

  private static String orEmpty(@Nullable String s) {
    return s == null ? "" : s;
  }

  private static String form(Map<String, String> parameters) {
    return parameters.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  @Override
  public String toString() {
    return "AkismetClient[endpoint=" + endpoint + ", blog=" + blog + ", timeout=" + timeout + ", test=" + test + "]";
  }

  /** Builds an {@link AkismetClient}. Not thread-safe. */
  public static final class Builder {
    private @Nullable HttpClient http;
    private URI endpoint = URI.create(DEFAULT_ENDPOINT);
    private @Nullable String apiKey;
    private @Nullable URI blog;
    private Duration timeout = DEFAULT_TIMEOUT;
    private boolean test;
    private @Nullable String blogLanguage;
    private java.util.function.LongSupplier nanoTime = System::nanoTime;
    private org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AkismetClient.class);

    private Builder() {}

    /**
     * Sets the API key (required).
     *
     * @param apiKey the Akismet API key
     * @return this builder
     * @throws IllegalArgumentException if blank
     */
    public Builder apiKey(String apiKey) {
      if (Objects.requireNonNull(apiKey, "apiKey").isBlank()) {
        throw new IllegalArgumentException("apiKey must not be blank");
      }
      this.apiKey = apiKey.strip();
      return this;
    }

    /**
     * Sets the site's front page, sent as {@code blog} (required).
     *
     * @param blog an absolute http or https URL
     * @return this builder
     * @throws IllegalArgumentException if not an absolute http or https URL
     */
    public Builder blog(URI blog) {
      this.blog = httpUrl("blog", blog);
      return this;
    }

    /**
     * Sets the service's address (default {@value AkismetClient#DEFAULT_ENDPOINT}); tests point it at a local
     * server. A path is kept as a prefix: with {@code https://proxy.example/akismet} the client posts to
     * {@code https://proxy.example/akismet/1.1/comment-check}.
     *
     * @param endpoint an absolute http or https URL, without query or fragment
     * @return this builder
     * @throws IllegalArgumentException if not an absolute http or https URL, or if it has a query or fragment
     */
    public Builder endpoint(URI endpoint) {
      URI uri = httpUrl("endpoint", endpoint);
      if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
        throw new IllegalArgumentException("endpoint must have no query or fragment, was " + uri);
      }
      this.endpoint = uri;
      return this;
    }

    /** Sets the logger of the failure warnings (default this class's SLF4J logger); for tests. */
    Builder logger(org.slf4j.Logger log) {
      this.log = Objects.requireNonNull(log, "log");
      return this;
    }

    /** Sets the time source of the warning rate limit (default {@link System#nanoTime()}); for tests. */
    Builder nanoTime(java.util.function.LongSupplier nanoTime) {
      this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
      return this;
    }

    /**
     * Sets the timeout of one call (default 2 seconds).
     *
     * @param timeout from 1 millisecond to 1 minute
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder timeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.toMillis() < 1 || timeout.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("timeout must be in [1 ms, 1 min], was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Marks calls as tests ({@code is_test=1}), so Akismet does not learn from them (default off).
     *
     * @param test whether calls are tests
     * @return this builder
     */
    public Builder test(boolean test) {
      this.test = test;
      return this;
    }

    /**
     * Sets the site's language, sent as {@code blog_lang} (default not sent).
     *
     * @param language the language, for example {@link Locale#ENGLISH}
     * @return this builder
     */
    public Builder blogLanguage(Locale language) {
      this.blogLanguage = Objects.requireNonNull(language, "language").toLanguageTag();
      return this;
    }

    /**
     * Sets the HTTP client (default a new {@link HttpClient} with the timeout as its connect timeout).
     *
     * @param http the client
     * @return this builder
     */
    public Builder httpClient(HttpClient http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws IllegalStateException if the API key or the blog was not set
     */
    public AkismetClient build() {
      if (apiKey == null) {
        throw new IllegalStateException("apiKey is required");
      }
      if (blog == null) {
        throw new IllegalStateException("blog is required");
      }
      return new AkismetClient(this);
    }

    private static URI httpUrl(String name, URI uri) {
      Objects.requireNonNull(uri, name);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new IllegalArgumentException(name + " must be an absolute http or https URL, was " + uri);
      }
      return uri;
    }
  }
}
