package dev.masthead.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A TCP proxy on 127.0.0.1 in front of a Redis server that can lose a reply: once armed with
 * {@link #dropReplyOfNext(String)}, it forwards the next request holding that command to the server as usual
 * (so the server executes it), then discards the server's reply and closes that client connection. The client
 * sees a connection reset with the command's outcome unknown: the case of a flush that ran but whose reply was
 * lost. Armed with {@link #stallReplyOfNext(String)} instead, it forwards the first byte of that reply and then
 * nothing more on that connection, which it keeps open (a proxy or a network that wedges mid-reply: the
 * client's TCP connection looks healthy and never answers again). Otherwise bytes pass through unchanged, and
 * new connections are served normally. Thread-safe.
 */
public final class ReplyDroppingProxy implements AutoCloseable {
  private final int targetPort;
  private final ServerSocket listener;
  private final Thread acceptor;
  private final AtomicReference<byte[]> armed = new AtomicReference<>();
  private final AtomicReference<byte[]> stallArmed = new AtomicReference<>();
  private final AtomicInteger stalled = new AtomicInteger();
  private final AtomicInteger dropped = new AtomicInteger();
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  private ReplyDroppingProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.acceptor = new Thread(this::acceptLoop, "reply-dropping-proxy-" + listener.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Starts a proxy to a server on 127.0.0.1.
   *
   * @param targetPort the server's port
   * @return the running proxy
   */
  public static ReplyDroppingProxy start(int targetPort) {
    try {
      return new ReplyDroppingProxy(targetPort);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the proxy's port.
   *
   * @return the port on 127.0.0.1 to connect to instead of the server's
   */
  public int port() {
    return listener.getLocalPort();
  }

  /**
   * Returns the proxy's URI.
   *
   * @return {@code redis://127.0.0.1:PORT}
   */
  public String uri() {
    return "redis://127.0.0.1:" + port();
  }

  /**
   * Arms the proxy: the next request holding this command is forwarded, and the reply that follows it is
   * discarded and its connection closed. Arming again replaces the command.
   *
   * @param commandName for example {@code "EVALSHA"}, as the client sends it
   */
  public void dropReplyOfNext(String commandName) {
    byte[] name = commandName.getBytes(StandardCharsets.UTF_8);
    armed.set(("$" + name.length + "\r\n" + commandName + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Arms the proxy once: the reply to the next request holding {@code commandName} is cut after its first byte
   * and that connection forwards no reply again, though it stays open.
   *
   * @param commandName for example {@code "EVALSHA"}
   */
  public void stallReplyOfNext(String commandName) {
    stallArmed.set(commandName.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Returns how many connections were stalled mid-reply.
   *
   * @return the count
   */
  public int stalledConnections() {
    return stalled.get();
  }

  /**
   * Returns how many replies were dropped so far.
   *
   * @return the count
   */
  public int droppedReplies() {
    return dropped.get();
  }

  /**
   * Returns whether the proxy is armed and has not dropped the reply yet.
   *
   * @return true while a drop is pending
   */
  public boolean isArmed() {
    return armed.get() != null;
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        Socket server = new Socket();
        server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2_000);
        sockets.add(client);
        sockets.add(server);
        Pair pair = new Pair(client, server);
        daemon(() -> pair.pumpRequests(), "proxy-requests").start();
        daemon(() -> pair.pumpReplies(), "proxy-replies").start();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        // the server is down: the client's socket was accepted and is closed by the pair never starting
      }
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  private final class Pair {
    private final Socket client;
    private final Socket server;
    private volatile boolean dropNextReply;
    private volatile boolean stallNextReply;

    Pair(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    void pumpRequests() {
      byte[] buf = new byte[64 * 1024];
      try (InputStream in = client.getInputStream(); OutputStream out = server.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          byte[] needle = armed.get();
          if (needle != null && contains(buf, n, needle) && armed.compareAndSet(needle, null)) {
            dropNextReply = true;
          }
          byte[] stallNeedle = stallArmed.get();
          if (stallNeedle != null && contains(buf, n, stallNeedle) && stallArmed.compareAndSet(stallNeedle, null)) {
            stallNextReply = true;
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // either side closed
      } finally {
        closeBoth();
      }
    }

    void pumpReplies() {
      byte[] buf = new byte[64 * 1024];
      try (InputStream in = server.getInputStream(); OutputStream out = client.getOutputStream()) {
        int n;
        while ((n = in.read(buf)) >= 0) {
          if (dropNextReply) {
            dropped.incrementAndGet();
            return; // the reply is discarded; closing both sides tells the client the connection broke
          }
          if (stallNextReply) {
            stalled.incrementAndGet();
            out.write(buf, 0, 1);
            out.flush();
            while (in.read(buf) >= 0) {
              // wedged: every later reply of this connection is swallowed, and the socket stays open
            }
            return;
          }
          out.write(buf, 0, n);
          out.flush();
        }
      } catch (IOException e) {
        // either side closed
      } finally {
        closeBoth();
      }
    }

    private void closeBoth() {
      quietClose(client);
      quietClose(server);
    }
  }

  private static boolean contains(byte[] buf, int len, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= len; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (buf[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static void quietClose(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // closing
    }
  }

  /** Stops accepting and closes every connection. */
  @Override
  public void close() {
    closed = true;
    try {
      listener.close();
    } catch (IOException e) {
      // closing
    }
    sockets.forEach(ReplyDroppingProxy::quietClose);
  }
}
