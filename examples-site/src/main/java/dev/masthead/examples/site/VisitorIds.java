package dev.masthead.examples.site;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;

/**
 * The reader's visitor id, so that the ranking engine's visitor memory counts a reader's views of an article
 * once per period (100 reloads are one view) and a reader sees their own held comments.
 *
 * <p>The id is a cookie, {@value #COOKIE}; a browser without one gets the HMAC of its IP address and user agent
 * under the site secret (never the address itself), which is also set as its cookie, so a client that refuses
 * cookies is still recognized by its address and agent. Thread-safe.
 */
public final class VisitorIds {
  /** The cookie's name. */
  public static final String COOKIE = "mh_visitor";
  private static final Duration MAX_AGE = Duration.ofDays(365);

  private final SiteSecret secret;

  VisitorIds(SiteSecret secret) {
    this.secret = secret;
  }

  /**
   * Returns the visitor id of a request without setting anything.
   *
   * @param request the request
   * @return the cookie's value, or the digest of the address and agent
   */
  public String peek(HttpServletRequest request) {
    String cookie = cookie(request);
    return cookie != null ? cookie : digest(request);
  }

  /**
   * Returns the visitor id of a request, setting the cookie if the browser has none.
   *
   * @param request the request
   * @param response the response, which gets the cookie
   * @return the id
   */
  public String of(HttpServletRequest request, HttpServletResponse response) {
    String cookie = cookie(request);
    if (cookie != null) {
      return cookie;
    }
    String id = digest(request);
    response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, id).path("/").httpOnly(true)
        .sameSite("Lax").maxAge(MAX_AGE).build().toString());
    return id;
  }

  private static @Nullable String cookie(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return null;
    }
    for (Cookie c : cookies) {
      // Only a value of the shape this class writes: 22 base64url characters.
      if (COOKIE.equals(c.getName()) && c.getValue() != null && c.getValue().matches("[A-Za-z0-9_-]{22}")) {
        return c.getValue();
      }
    }
    return null;
  }

  private String digest(HttpServletRequest request) {
    String agent = request.getHeader(HttpHeaders.USER_AGENT);
    return secret.digest("visitor", request.getRemoteAddr() + "\n" + (agent == null ? "" : agent));
  }
}
