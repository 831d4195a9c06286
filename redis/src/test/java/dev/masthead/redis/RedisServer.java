package dev.masthead.redis;

import dev.masthead.testing.Prerequisites;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real {@code redis-server} that a test starts for itself: on a free 127.0.0.1 port, with no persistence
 * ({@code --save "" --appendonly no}) and a temporary directory, started and waited for until it answers
 * {@code PING}. A fault test may {@link #kill()} it ({@code kill -9}: the process this harness started, nothing
 * else) and {@link #restart()} it empty on the same port. {@link #close()} stops it and deletes the directory.
 *
 * <p>When no {@code redis-server} binary is found (on the {@code PATH}, or at {@code /usr/bin/redis-server}),
 * {@link #start} skips the test with a message, unless the environment has {@code CI=true}: then it fails.
 *
 * <p>Not thread-safe except {@link #command}, which opens its own socket.
 */
public final class RedisServer implements AutoCloseable {
  private static final Duration START_TIMEOUT = Duration.ofSeconds(15);

  private final Path binary;
  private final Path dir;
  private final List<String> extraArgs;
  private final int port;
  private final Thread reaper;
  private Process process;

  private RedisServer(Path binary, Path dir, int port, List<String> extraArgs) {
    this.binary = binary;
    this.dir = dir;
    this.port = port;
    this.extraArgs = List.copyOf(extraArgs);
    this.process = launch();
    // If the JVM ends before close() (a killed build), the server must not outlive it.
    this.reaper = new Thread(() -> process.destroyForcibly(), "redis-server-reaper-" + port);
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /**
   * Starts a server on a free loopback port.
   *
   * @param extraArgs more {@code redis-server} arguments, for example {@code "--cluster-enabled", "yes"}
   * @return the running server
   * @throws org.opentest4j.TestAbortedException if no binary is found and {@code CI} is not {@code true}
   * @throws IllegalStateException if the binary is missing under CI, or the server does not start
   */
  public static RedisServer start(String... extraArgs) {
    Path binary = findBinary("redis-server");
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 5; attempt++) { // a free port can be taken between the probe and the bind
      Path dir;
      try {
        dir = Files.createTempDirectory("masthead-redis-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      try {
        return new RedisServer(binary, dir, freePort(), List.of(extraArgs));
      } catch (IllegalStateException e) {
        last = e;
        deleteTree(dir);
      }
    }
    throw last;
  }

  /**
   * Finds a Redis binary, or skips (fails under {@code CI=true}) the calling test.
   *
   * @param name {@code redis-server} or {@code redis-cli}
   * @return its path
   */
  static Path findBinary(String name) {
    List<Path> candidates = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      for (String d : path.split(java.io.File.pathSeparator)) {
        if (!d.isEmpty()) {
          candidates.add(Path.of(d, name));
        }
      }
    }
    candidates.add(Path.of("/usr/bin", name));
    Optional<Path> found = candidates.stream().filter(Files::isExecutable).findFirst();
    if (found.isPresent()) {
      return found.get();
    }
    // Skipped with this message; with CI=true it fails instead (the one rule for every missing prerequisite).
    Prerequisites.require(false, name + " on the PATH or in /usr/bin (Debian: apt-get install redis-server)");
    throw new AssertionError("unreachable");
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Process launch() {
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--port", Integer.toString(port),
        "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir.toString(),
        "--daemonize", "no", "--protected-mode", "yes"));
    cmd.addAll(extraArgs);
    Path log = dir.resolve("redis-" + port + ".log");
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + binary + ": " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("redis-server on port " + port + " exited with " + p.exitValue()
            + ": " + tail(log));
      }
      try {
        if ("PONG".equals(command(Duration.ofMillis(500), "PING"))) {
          if (p.isAlive()) {
            return p;
          }
          continue; // another process answered on this port: this one exited, and the loop says so
        }
      } catch (UncheckedIOException e) {
        // not listening yet
      } catch (IllegalStateException e) {
        if (!String.valueOf(e.getMessage()).contains("LOADING")) {
          p.destroyForcibly();
          throw e;
        }
        // still loading its append-only file: answers PING once loaded
      }
      pause(20);
    }
    p.destroyForcibly();
    throw new IllegalStateException("redis-server on port " + port + " did not answer PING within "
        + START_TIMEOUT + ": " + tail(log));
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis); // waiting for a child process, not for test time
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Returns the port.
   *
   * @return the TCP port on 127.0.0.1
   */
  public int port() {
    return port;
  }

  /**
   * Returns the server's URI.
   *
   * @return {@code redis://127.0.0.1:PORT}
   */
  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /**
   * Returns whether the process runs.
   *
   * @return true while the process started by this harness is alive
   */
  public boolean isRunning() {
    return process.isAlive();
  }

  /**
   * Kills the server with SIGKILL ({@code kill -9}), the process this harness started only, and waits for it to
   * end. Everything it held is lost (no persistence).
   */
  public void kill() {
    process.destroyForcibly(); // SIGKILL on Unix
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Stalls the server with SIGSTOP ({@code kill -STOP <pid>}, the process this harness started only): its
   * sockets stay open and it answers nothing until {@link #resume()}, as a Redis stuck in a long command or a
   * swapped-out host.
   */
  public void suspend() {
    signal("-STOP");
  }

  /** Lets a {@linkplain #suspend() stalled} server go on (SIGCONT); it then answers what it was sent. */
  public void resume() {
    signal("-CONT");
  }

  private void signal(String which) {
    try {
      Process p = new ProcessBuilder("kill", which, Long.toString(process.pid())).inheritIO().start();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("kill " + which + " " + process.pid() + " failed");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /**
   * Starts the server again, empty, on the same port, and waits until it answers; kills it first if it runs.
   *
   * @throws IllegalStateException if it does not start
   */
  public void restart() {
    if (process.isAlive()) {
      kill();
    }
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 50; attempt++) { // the port may linger for a moment
      try {
        process = launch();
        return;
      } catch (IllegalStateException e) {
        last = e;
        pause(100);
      }
    }
    throw last;
  }

  /**
   * Sends one command on a fresh socket and returns its reply, with a 5-second timeout.
   *
   * @param args the command and its arguments
   * @return the reply: a simple or bulk string, an integer as text, an array as its elements joined by
   *     {@code "\n"}, or {@code null} for a null reply
   * @throws IllegalStateException if the server answers with an error
   * @throws UncheckedIOException if the server cannot be reached
   */
  public String command(String... args) {
    return command(Duration.ofSeconds(5), args);
  }

  private String command(Duration timeout, String... args) {
    return Resp.command(port, timeout, args);
  }

  /** Stops the server (SIGKILL: it holds nothing worth saving) and deletes its directory. */
  @Override
  public void close() {
    kill();
    deleteTree(dir);
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook runs anyway
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory: leave it
    }
  }

  /** The few bits of RESP the harness needs to talk to a server before and beside Lettuce. */
  static final class Resp {
    private Resp() {}

    static String command(int port, Duration timeout, String... args) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), (int) timeout.toMillis());
        s.setSoTimeout((int) timeout.toMillis());
        OutputStream out = s.getOutputStream();
        StringBuilder req = new StringBuilder().append('*').append(args.length).append("\r\n");
        for (String a : args) {
          req.append('$').append(a.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(a).append("\r\n");
        }
        out.write(req.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        return read(new BufferedInputStream(s.getInputStream()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static String read(InputStream in) throws IOException {
      int type = in.read();
      String line = line(in);
      switch (type) {
        case '+':
        case ':':
          return line;
        case '-':
          throw new IllegalStateException(line);
        case '$': {
          int n = Integer.parseInt(line);
          if (n < 0) {
            return null;
          }
          byte[] b = in.readNBytes(n + 2);
          return new String(b, 0, n, StandardCharsets.UTF_8);
        }
        case '*': {
          int n = Integer.parseInt(line);
          if (n < 0) {
            return null;
          }
          List<String> items = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            items.add(String.valueOf(read(in)));
          }
          return String.join("\n", items);
        }
        default:
          throw new IOException("not a RESP reply: " + (char) type + line);
      }
    }

    private static String line(InputStream in) throws IOException {
      StringBuilder s = new StringBuilder();
      int c;
      while ((c = in.read()) != '\r') {
        if (c < 0) {
          throw new IOException("connection closed in a reply");
        }
        s.append((char) c);
      }
      in.read(); // '\n'
      return s.toString();
    }
  }
}
