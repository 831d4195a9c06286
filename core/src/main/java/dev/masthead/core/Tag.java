package dev.masthead.core;

/**
 * A keyword attached to an article ("Climate change", "Elections 2026"). Two tags are the same when their
 * slugs are equal; the name is what the page prints.
 *
 * <p>Immutable and thread-safe.
 *
 * @param slug the tag's stable key, as made by {@link Slug#of(String)}: {@code [a-z0-9-]}, 1 to 200 chars
 * @param name the name as printed: not blank, at most 200 chars
 */
public record Tag(String slug, String name) {
  /**
   * Validates the tag.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code slug} is not a well-formed slug or {@code name} is blank or
   *     too long
   */
  public Tag {
    Slug.requireWellFormed("Tag.slug", slug);
    name = Checks.text("Tag.name", name, 200).strip();
  }

  /**
   * Returns the tag with the given name and the slug made from it.
   *
   * @param name the name as printed, for example {@code "Climate Change"} (slug {@code climate-change})
   * @return the tag
   * @throws IllegalArgumentException if {@code name} is blank or too long
   */
  public static Tag of(String name) {
    Checks.text("Tag.name", name, 200);
    return new Tag(Slug.of(name), name);
  }
}
