package dev.masthead.examples.site;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 413 to a request body larger than the site takes, before anything reads it (Tomcat would otherwise
 * drop the form's parameters silently, and the CSRF check would answer a puzzling 403). The limit, 2 MB, is
 * far above the longest reply the comment policy allows (65,525 code points, percent-encoded), so a reader only
 * meets it with a body no form of the site makes; a reply that is merely too long gets the field message with
 * its text kept.
 */
final class FormSizeLimit extends OncePerRequestFilter {
  /** The largest body taken: 2 MB, as {@code server.tomcat.max-http-form-post-size}. */
  static final long MAX_BODY_BYTES = 2L * 1024 * 1024;

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > MAX_BODY_BYTES) {
      response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      response.setContentType("text/plain;charset=UTF-8");
      response.setHeader("Connection", "close");
      response.getOutputStream().write(("The request is larger than this site takes (" + MAX_BODY_BYTES / (1024 * 1024)
          + " MB); nothing was posted.\n").getBytes(StandardCharsets.UTF_8));
      return;
    }
    chain.doFilter(request, response);
  }
}
