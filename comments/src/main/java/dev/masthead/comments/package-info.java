/**
 * The "Leave a reply" form: {@link dev.masthead.comments.CommentSubmission} in,
 * {@link dev.masthead.comments.ValidationResult} out, under a {@link dev.masthead.comments.CommentPolicy}.
 *
 * <p>{@link dev.masthead.comments.CommentValidator} is the one entry point. It normalizes every field (Unicode
 * NFC, trimmed, invisible characters removed from single-line fields), applies the field rules, and sanitizes
 * the comment's HTML with jsoup. What only the host knows (does the article exist and take comments, is the
 * parent comment there) comes through {@link dev.masthead.core.ArticleLookup} and
 * {@link dev.masthead.comments.ParentLookup}. Error messages are localized from the resource bundle
 * {@code dev.masthead.comments.messages} (English, German, French, Spanish).
 *
 * <p>Every type in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.masthead.comments;

import org.jspecify.annotations.NullMarked;
