package dev.masthead.core;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * The picture at the top of an article.
 *
 * <p>Immutable and thread-safe.
 *
 * @param url where the image is: an absolute http or https URL
 * @param altText the text alternative for readers who cannot see the image: may be empty for a purely
 *     decorative image (as in HTML's {@code alt=""}), at most 1,000 chars
 * @param credit the photographer or agency ("Jane Doe / Agency"), or {@code null}; at most 300 chars
 */
public record LeadImage(URI url, String altText, @Nullable String credit) {
  /**
   * Validates the image.
   *
   * @throws NullPointerException if {@code url} or {@code altText} is null
   * @throws IllegalArgumentException if {@code url} is not an absolute http or https URL, or a text is too
   *     long
   */
  public LeadImage {
    java.util.Objects.requireNonNull(url, "LeadImage.url");
    Checks.webUrl("LeadImage.url", url);
    java.util.Objects.requireNonNull(altText, "LeadImage.altText");
    Checks.optionalText("LeadImage.altText", altText, 1000);
    Checks.optionalText("LeadImage.credit", credit, 300);
  }
}
