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
 * never fail the future: an HTTP error, a timeout, an unreadable answer or an {@code invalid} key
 * complete it with {@link Result#UNAVAILABLE} or {@link Result#INVALID_KEY}, which {@link AkismetCheck} turns
 * into a HOLD, never SPAM.
 *
 * <p>Immutable and thread-safe.
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
    /** {@code invalid}: the API key or blog is not valid. */
    INVALID_KEY,
    /** An HTTP error, a timeout, a network failure or an answer that is none of the above. */
    UNAVAILABLE
  }

  private final HttpClient http;
  private final URI endpoint;
  private final String apiKey;
  private final URI blog;
  private final Duration timeout;
  private final boolean test;
  private final @Nullable String blogLanguage;

  private AkismetClient(Builder b) {
    this.http = b.http != null ? b.http : HttpClient.newBuilder().connectTimeout(b.timeout).build();
    this.endpoint = b.endpoint;
    this.apiKey = Objects.requireNonNull(b.apiKey, "apiKey");
    this.blog = Objects.requireNonNull(b.blog, "blog");
    this.timeout = b.timeout;
    this.test = b.test;
    this.blogLanguage = b.blogLanguage;
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
   * @return the answer; the future always completes normally
   * @throws NullPointerException if an argument is null
   */
  public CompletableFuture<Result> commentCheck(Comment comment, SpamContext context) {
    return post("comment-check", comment, context).thenApply(response -> {
      if (response == null || response.statusCode() != 200) {
        return Result.UNAVAILABLE;
      }
      String body = response.body().strip();
      if (body.equals("true")) {
        boolean discard = response.headers().firstValue("X-akismet-pro-tip")
            .map(v -> v.strip().equalsIgnoreCase("discard")).orElse(false);
        return discard ? Result.DISCARD : Result.SPAM;
      }
      if (body.equals("false")) {
        return Result.HAM;
      }
      if (body.equals("invalid")) {
        return Result.INVALID_KEY;
      }
      return Result.UNAVAILABLE;
    });
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
    return post("submit-spam", comment, context).thenApply(r -> r != null && r.statusCode() == 200);
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
    return post("submit-ham", comment, context).thenApply(r -> r != null && r.statusCode() == 200);
  }

  private CompletableFuture<@Nullable HttpResponse<String>> post(String method, Comment comment, SpamContext context) {
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(context, "context");
    HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/1.1/" + method))
        .timeout(timeout)
        .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
        .header("User-Agent", "Masthead/0.1 | Akismet/3.1")
        .POST(HttpRequest.BodyPublishers.ofString(form(parameters(comment, context)), StandardCharsets.UTF_8))
        .build();
    try {
      // The request timeout covers the headers only; this one covers the whole exchange, body included, so a
      // server that drips its answer cannot hold the caller longer than the timeout.
      return http.sendAsync(request, info -> new LimitedBody(MAX_BODY_BYTES))
          .orTimeout(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
          .<@Nullable HttpResponse<String>>thenApply(r -> r)
          .exceptionally(e -> null);
    } catch (RuntimeException e) {
      return CompletableFuture.completedFuture(null);
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
    p.put("comment_content", comment.contentHtml());
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
     * server.
     *
     * @param endpoint an absolute http or https URL
     * @return this builder
     * @throws IllegalArgumentException if not an absolute http or https URL
     */
    public Builder endpoint(URI endpoint) {
      this.endpoint = httpUrl("endpoint", endpoint);
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
