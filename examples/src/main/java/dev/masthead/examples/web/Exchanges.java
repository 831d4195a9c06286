package dev.masthead.examples.web;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.masthead.comments.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plumbing every handler shares: reading a bounded body, parsing form and query strings, picking the
 * reader's language, writing a response, and turning any unexpected exception into a bare 500 (logged here,
 * never shown to the client).
 */
final class Exchanges {
  /** The largest request body read: 1 MiB, room for the longest comment the policy allows (65,525 code points). */
  static final int MAX_BODY_BYTES = 1 << 20;

  private static final Logger LOG = LoggerFactory.getLogger(Exchanges.class);
  private static final List<Locale> LANGUAGES = FieldError.SUPPORTED_LANGUAGES.stream().sorted().map(Locale::new).toList();

  private Exchanges() {}

  /** A request the client got wrong: answered with its status and message, never with a stack trace. */
  static final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    BadRequest(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /** A handler whose {@link BadRequest}s become their status and whose other failures become a bare 500. */
  static HttpHandler guarded(HttpHandler handler, boolean json) {
    return exchange -> {
      try (exchange) {
        try {
          handler.handle(exchange);
        } catch (BadRequest e) {
          sendError(exchange, e.status, e.getMessage(), json);
        } catch (IOException | RuntimeException e) {
          LOG.warn("{} {} failed ({})", exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
              e.getClass().getName(), e);
          if (exchange.getResponseCode() == -1) { // nothing sent yet
            sendError(exchange, 500, "Internal server error", json);
          }
        }
      }
    };
  }

  /** Answers 405 with the Allow header unless the request's method is one of {@code allowed}. */
  static void requireMethod(HttpExchange exchange, String... allowed) {
    String method = exchange.getRequestMethod();
    for (String a : allowed) {
      if (a.equals(method)) {
        return;
      }
    }
    exchange.getResponseHeaders().set("Allow", String.join(", ", allowed));
    throw new BadRequest(405, "Method " + method + " is not allowed here; use " + String.join(" or ", allowed));
  }

  /** Reads the body as UTF-8, refusing more than {@link #MAX_BODY_BYTES} with 413. */
  static String body(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
      if (bytes.length > MAX_BODY_BYTES) {
        throw new BadRequest(413, "The request body is larger than " + MAX_BODY_BYTES + " bytes");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /**
   * Parses {@code application/x-www-form-urlencoded} text (a form body or a query string); the first value of a
   * repeated name wins.
   */
  static Map<String, String> formParameters(String encoded) {
    Map<String, String> params = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return params;
    }
    try {
      for (String pair : encoded.split("&")) {
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        params.putIfAbsent(name, value);
      }
    } catch (IllegalArgumentException e) {
      throw new BadRequest(400, "Malformed percent-encoding in the form or query string");
    }
    return params;
  }

  /** The query parameters of the request. */
  static Map<String, String> query(HttpExchange exchange) {
    return formParameters(exchange.getRequestURI().getRawQuery());
  }

  /** The reader's language from {@code Accept-Language}, among those the form messages exist in; English otherwise. */
  static Locale locale(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst("Accept-Language");
    if (header == null || header.isBlank()) {
      return Locale.ENGLISH;
    }
    try {
      Locale found = Locale.lookup(Locale.LanguageRange.parse(header), LANGUAGES);
      return found == null ? Locale.ENGLISH : found;
    } catch (IllegalArgumentException e) { // a malformed header is no reason to refuse the page
      return Locale.ENGLISH;
    }
  }

  /** The client's IP address as the socket saw it (this demo trusts no proxy header). */
  static String clientIp(HttpExchange exchange) {
    return exchange.getRemoteAddress().getAddress().getHostAddress();
  }

  static Optional<String> header(HttpExchange exchange, String name) {
    return Optional.ofNullable(exchange.getRequestHeaders().getFirst(name));
  }

  static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    boolean head = "HEAD".equals(exchange.getRequestMethod());
    exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length);
    if (!head && bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
  }

  private static void sendError(HttpExchange exchange, int status, String message, boolean json) throws IOException {
    if (json) {
      String quoted = new String(JsonStringEncoder.getInstance().quoteAsString(message));
      send(exchange, status, "application/json; charset=utf-8", "{\"error\":\"" + quoted + "\"}");
    } else {
      send(exchange, status, "text/plain; charset=utf-8", message + "\n");
    }
  }
}
