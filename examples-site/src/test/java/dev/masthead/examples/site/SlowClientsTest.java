package dev.masthead.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.masthead.examples.ArticlePageDemo;
import dev.masthead.testing.TestClock;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Slow clients do not freeze the site (regression: four stalled connections froze the JDK HttpServer app).
 * Tomcat's NIO connector keeps a connection whose request headers are not complete on its poller, not on a
 * worker thread; a request whose body trickles in does hold a worker thread, but only until the connection
 * timeout (5 s), and the pool has 50.
 */
class SlowClientsTest {
  private static final String HALF_HEADERS = "GET /articles/harbor-bridge-vote HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow";
  private static final String NO_BODY = "POST /articles/harbor-bridge-vote/comments HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\ncomment=";

  @Test
  void twentyStalledSocketsDoNotStopTheSiteAnswering() throws IOException {
    try (SiteInstance site = SiteInstance.start(new TestClock(ArticlePageDemo.SAMPLE_NOW))) {
      List<Socket> stalled = stall(site, 20, i -> i % 2 == 0 ? HALF_HEADERS : NO_BODY);
      try {
        assertAnswersFiveReadersWithin(site, 3_000);
      } finally {
        closeAll(stalled);
      }
    }
  }

  @Test
  void connectionsThatNeverFinishTheirHeadersHoldNoWorkerThread() throws IOException {
    // Four worker threads, fewer than the stalled sockets: with a thread per connection it would be frozen.
    try (SiteInstance site = SiteInstance.start(new TestClock(ArticlePageDemo.SAMPLE_NOW),
        "server.tomcat.threads.max=4", "server.tomcat.threads.min-spare=1", "server.tomcat.connection-timeout=2s")) {
      List<Socket> stalled = stall(site, 20, i -> HALF_HEADERS);
      try {
        assertAnswersFiveReadersWithin(site, 3_000);
        // The server closes a stalled connection itself after its connection timeout.
        Socket first = stalled.get(0);
        first.setSoTimeout(10_000);
        InputStream in = first.getInputStream();
        try {
          while (in.read() != -1) {
            // the 400 Tomcat may send before closing
          }
        } catch (SocketTimeoutException e) {
          throw new AssertionError("the stalled connection was still open after 10 s", e);
        } catch (IOException e) {
          // reset by the server: closed too
        }
      } finally {
        closeAll(stalled);
      }
    }
  }

  private static void assertAnswersFiveReadersWithin(SiteInstance site, long maxMillis) {
    long start = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      HttpResponse<String> page = new SiteClient(site).get("/articles/harbor-bridge-vote");
      assertThat(page.statusCode()).isEqualTo(200);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    assertThat(millis).as("milliseconds for five pages beside the stalled sockets").isLessThan(maxMillis);
  }

  private static List<Socket> stall(SiteInstance site, int count, java.util.function.IntFunction<String> request)
      throws IOException {
    List<Socket> stalled = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Socket s = new Socket();
      stalled.add(s);
      s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), site.port()), 2_000);
      OutputStream out = s.getOutputStream();
      out.write(request.apply(i).getBytes(StandardCharsets.US_ASCII));
      out.flush();
    }
    return stalled;
  }

  private static void closeAll(List<Socket> sockets) throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
  }
}
