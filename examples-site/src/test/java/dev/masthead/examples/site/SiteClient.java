package dev.masthead.examples.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.util.List;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A reader's browser without the browser: cookies kept, pages parsed, the reply form filled and posted. */
final class SiteClient {
  static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

  private final SiteInstance site;
  private final String userAgent;
  private final HttpClient http;
  private final CookieManager cookies = new CookieManager();

  SiteClient(SiteInstance site) {
    this(site, FIREFOX);
  }

  SiteClient(SiteInstance site, String userAgent) {
    this.site = site;
    this.userAgent = userAgent;
    this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(5))
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  List<HttpCookie> cookies() {
    return cookies.getCookieStore().getCookies();
  }

  HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(URI.create(site.url(path))).header("User-Agent", userAgent).GET());
  }

  Document page(String path) {
    HttpResponse<String> response = get(path);
    if (response.statusCode() != 200) {
      throw new AssertionError("GET " + path + " answered " + response.statusCode());
    }
    return Jsoup.parse(response.body(), site.url(path));
  }

  /** The reply form's hidden fields (CSRF token, form token, parent) as the page rendered them. */
  static Map<String, String> hiddenFields(Document page, String formSelector) {
    Element form = page.selectFirst(formSelector);
    if (form == null) {
      throw new AssertionError("no form " + formSelector);
    }
    Map<String, String> fields = new LinkedHashMap<>();
    for (Element input : form.select("input[type=hidden]")) {
      fields.put(input.attr("name"), input.val());
    }
    return fields;
  }

  static String action(Document page, String formSelector) {
    return URI.create(page.selectFirst(formSelector).absUrl("action")).getRawPath();
  }

  HttpResponse<String> postForm(String path, Map<String, String> fields) {
    String body = fields.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(site.url(path))).header("User-Agent", userAgent)
        .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  HttpResponse<String> post(String path, String contentType, String body) {
    return send(HttpRequest.newBuilder(URI.create(site.url(path))).header("User-Agent", userAgent)
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  /** Fills the reply form of a page and posts it. */
  HttpResponse<String> reply(Document page, String comment, String author, String email) {
    Map<String, String> fields = hiddenFields(page, "#reply-form");
    fields.put("comment", comment);
    fields.put("author", author);
    fields.put("email", email);
    fields.put("url", "");
    fields.put("phone", "");
    return postForm(action(page, "#reply-form"), fields);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
