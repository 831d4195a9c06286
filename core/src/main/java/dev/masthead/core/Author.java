package dev.masthead.core;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A person in an article's byline.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the name as printed in the byline: not blank, at most 200 chars
 * @param url the author's profile page, an absolute http or https URL, or {@code null}
 */
public record Author(String name, @Nullable URI url) {
  /**
   * Validates the author.
   *
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if {@code name} is blank or too long, or {@code url} is not an absolute
   *     http or https URL
   */
  public Author {
    name = Checks.text("Author.name", name, 200).strip();
    Checks.webUrl("Author.url", url);
  }

  /**
   * Returns an author with no profile page.
   *
   * @param name the name as printed in the byline
   * @return the author
   * @throws IllegalArgumentException as the canonical constructor
   */
  public static Author of(String name) {
    return new Author(name, null);
  }
}
