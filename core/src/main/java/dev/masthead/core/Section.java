package dev.masthead.core;

/**
 * The section of the paper an article runs in ("Politics", "Sports"). Two sections are the same when their
 * slugs are equal; the name is what the page prints.
 *
 * <p>Immutable and thread-safe.
 *
 * @param slug the section's stable key, as made by {@link Slug#of(String)}: {@code [a-z0-9-]}, 1 to 200 chars
 * @param name the name as printed: not blank, at most 200 chars
 */
public record Section(String slug, String name) {
  /**
   * Validates the section.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code slug} is not a well-formed slug or {@code name} is blank or
   *     too long
   */
  public Section {
    Slug.requireWellFormed("Section.slug", slug);
    name = Checks.text("Section.name", name, 200).strip();
  }

  /**
   * Returns the section with the given name and the slug made from it.
   *
   * @param name the name as printed, for example {@code "World News"} (slug {@code world-news})
   * @return the section
   * @throws IllegalArgumentException if {@code name} is blank or too long
   */
  public static Section of(String name) {
    Checks.text("Section.name", name, 200);
    return new Section(Slug.of(name), name);
  }

  /**
   * Returns whether this is the same section as another: equal slugs, whatever the names.
   *
   * @param other the other section
   * @return whether the slugs are equal
   */
  public boolean sameAs(Section other) {
    return slug.equals(other.slug);
  }
}
