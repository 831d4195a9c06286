/**
 * The article model and the text helpers of a news article page.
 *
 * <p>{@link dev.masthead.core.Article} is the immutable record that every other Masthead module reads; it is
 * built with {@link dev.masthead.core.Article#builder()}. {@link dev.masthead.core.Slug},
 * {@link dev.masthead.core.Excerpt}, {@link dev.masthead.core.ReadingTime} and
 * {@link dev.masthead.core.Dateline} turn a headline or an HTML body into what the page shows.
 * {@link dev.masthead.core.MastheadException} is the root of every exception Masthead defines.
 *
 * <p>Every type in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.masthead.core;

import org.jspecify.annotations.NullMarked;
