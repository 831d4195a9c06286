package dev.masthead.benchmarks.spam;

import dev.masthead.comments.ClientInfo;
import dev.masthead.comments.Comment;
import dev.masthead.comments.SafeHtml;
import dev.masthead.comments.spam.ApprovedAuthors;
import dev.masthead.comments.spam.Decision;
import dev.masthead.comments.spam.DuplicateStore;
import dev.masthead.comments.spam.FloodStore;
import dev.masthead.comments.spam.Label;
import dev.masthead.comments.spam.SpamCheck;
import dev.masthead.comments.spam.SpamChecks;
import dev.masthead.comments.spam.SpamChecks.StoreSettings;
import dev.masthead.comments.spam.SpamClassifier;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.comments.spam.TermList;
import dev.masthead.comments.spam.Verdict;
import dev.masthead.core.ArticleId;
import dev.masthead.redis.RedisCommentStores;
import dev.masthead.redis.RedisConnection;
import dev.masthead.redis.RedisServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jsoup.Jsoup;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Verdicts per second through the whole local spam filter (honeypot, flood, duplicate, approved author, links,
 * term lists, heuristics, classifier; no Akismet) with the flood, duplicate and author memory in Redis
 * ({@code stores=redis}) against in memory ({@code stores=memory}), in the same run, on one and on two threads.
 *
 * <p>Every comment is new: a new commenter (email and IP) and new text, stamped with the system clock, so no
 * comment is refused and every store check does its full work (a flood script that writes two keys, a
 * {@code SET NX}, an {@code EXISTS}). Redis is a {@code redis-server} the benchmark starts on a free 127.0.0.1
 * port (the {@code masthead-redis} test harness), or the server of {@code -p redisUri=redis://...}. Before
 * measuring, on the server it started, it prints the Redis round trips per comment: the commands that reach
 * Redis from clients during 500 comments, seen through {@code MONITOR} (commands run inside the flood script
 * are tagged {@code lua} there and are not round trips).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar CommentStoresBenchmark -f 1 -wi 3 -i 5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CommentStoresBenchmark {
  private static final byte[] SITE_SECRET = "benchmark site secret, 32 bytes!".getBytes(StandardCharsets.US_ASCII);

  /** Where the flood, duplicate and author memory lives. */
  @Param({"memory", "redis"})
  public String stores;

  /** An existing Redis to use instead of starting one; empty to start one. */
  @Param({""})
  public String redisUri;

  private RedisServer server;
  private RedisConnection connection;
  private SpamFilter filter;
  private Comment template;
  private final AtomicLong sequence = new AtomicLong();

  @Setup(Level.Trial)
  public void setUp() {
    InstantSource clock = InstantSource.system();
    StoreSettings settings = StoreSettings.of(SITE_SECRET);
    Duration retention = Duration.ofMinutes(10); // keeps Redis small over a long run; same for both
    SpamCheck flood;
    SpamCheck duplicate;
    SpamCheck author;
    if (stores.equals("redis")) {
      String uri = redisUri;
      if (uri.isEmpty()) {
        server = RedisServer.start();
        uri = server.uri();
      }
      connection = RedisConnection.builder().uri(uri).build();
      RedisCommentStores redis = RedisCommentStores.builder(connection).namespace("bench:" + System.nanoTime()).build();
      flood = SpamChecks.flood(SpamChecks.DEFAULT_FLOOD_INTERVAL, redis.flood(), settings);
      duplicate = SpamChecks.duplicate(retention, redis.duplicates(), settings);
      author = SpamChecks.approvedAuthors(redis.approvedAuthors(), settings);
    } else if (stores.equals("memory")) {
      flood = SpamChecks.flood(SpamChecks.DEFAULT_FLOOD_INTERVAL, FloodStore.inMemory(clock), settings);
      duplicate = SpamChecks.duplicate(retention, DuplicateStore.inMemory(clock), settings);
      author = SpamChecks.approvedAuthors(ApprovedAuthors.inMemory(clock), settings);
    } else {
      throw new IllegalArgumentException("stores must be memory or redis, was " + stores);
    }
    List<SpamClassifier.Example> examples = new ArrayList<>();
    for (String s : List.of("check out my channel and subscribe", "earn money from home click here",
        "visit my site for free followers", "cheap pills without prescription", "make money fast with this trick")) {
      examples.add(new SpamClassifier.Example(s, Label.SPAM));
    }
    for (String s : List.of("the council vote was closer than expected", "thanks for the clear reporting on the bridge",
        "my street flooded again last night", "congratulations to the runners", "will the state share the cost")) {
      examples.add(new SpamClassifier.Example(s, Label.HAM));
    }
    filter = SpamFilter.builder()
        .check(SpamChecks.honeypot())
        .check(flood)
        .check(duplicate)
        .check(author)
        .check(SpamChecks.links())
        .check(SpamChecks.terms(TermList.parse("casino\nv*agra\n~pharma\n192.0.2.0/24"), TermList.parse("refund\nlawsuit")))
        .check(SpamChecks.contentHeuristics())
        .check(SpamChecks.classifier(SpamClassifier.trainer().train(examples)))
        .build();
    SafeHtml html = SafeHtml.sanitize(SpamFilterBenchmark.comment(7));
    template = new Comment(ArticleId.of("a1"), null, "Reader", "reader@example.com", (URI) null, html,
        Jsoup.parseBodyFragment(html.html()).body().text(),
        Jsoup.parseBodyFragment(html.html()).select("a[href]").eachAttr("href"),
        new ClientInfo("10.0.0.1", "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0", null),
        clock.instant());
    Verdict first = filter.check(next(), SpamContext.EMPTY);
    if (first.refused().isPresent() || first.decision() == Decision.HOLD && first.has("store.unavailable")) {
      throw new IllegalStateException("the benchmark's first comment was not checked cleanly: " + first);
    }
    if (server != null) {
      try {
        System.out.printf("%nRedis round trips per comment (MONITOR over 500 comments): %.2f%n",
            roundTripsPerComment(server.port(), 500));
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException("could not count the round trips", e);
      }
    }
  }

  /** A new comment: a new commenter and new text (the checks read the plain text), now. */
  private Comment next() {
    long n = sequence.incrementAndGet();
    Comment t = template;
    return new Comment(t.articleId(), null, "Reader " + n, "reader" + n + "@example.com", null,
        t.contentHtml(), t.contentText() + " #" + n, t.links(),
        new ClientInfo("10." + (n >> 16 & 255) + "." + (n >> 8 & 255) + "." + (n & 255), t.client().userAgent(), null),
        InstantSource.system().instant());
  }

  @Benchmark
  @Threads(1)
  public Verdict oneThread() {
    return filter.check(next(), SpamContext.EMPTY);
  }

  @Benchmark
  @Threads(2)
  public Verdict twoThreads() {
    return filter.check(next(), SpamContext.EMPTY);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    try {
      if (connection != null) {
        connection.close();
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  /**
   * Counts the commands that reach Redis from clients while {@code comments} comments are checked, with
   * {@code MONITOR}, which tags the commands a Lua script runs as {@code [db lua]}: those are not round trips.
   */
  private double roundTripsPerComment(int port, int comments) throws IOException, InterruptedException {
    try (Socket monitor = new Socket(InetAddress.getLoopbackAddress(), port)) {
      monitor.setSoTimeout(2_000);
      monitor.getOutputStream().write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
      BufferedReader in = new BufferedReader(new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8));
      if (!"+OK".equals(in.readLine())) {
        throw new IllegalStateException("MONITOR was refused");
      }
      AtomicLong fromClients = new AtomicLong();
      Thread reader = new Thread(() -> {
        try {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.contains("] \"PING\"")) {
              return; // the end marker below
            }
            if (!line.contains(" lua] ")) {
              fromClients.incrementAndGet();
            }
          }
        } catch (IOException e) {
          // closed
        }
      });
      reader.start();
      for (int i = 0; i < comments; i++) {
        filter.check(next(), SpamContext.EMPTY);
      }
      server.command("PING"); // after every store command, in MONITOR's order
      reader.join(5_000);
      return (double) fromClients.get() / comments;
    }
  }
}
