/**
 * Spam checks with explained verdicts: what happens to a valid reply after
 * {@link dev.masthead.comments.CommentValidator} accepts it.
 *
 * <p>{@link dev.masthead.comments.spam.SpamFilter} runs {@link dev.masthead.comments.spam.SpamCheck}s, cheapest
 * first and network last, and returns a {@link dev.masthead.comments.spam.Verdict}: a
 * {@link dev.masthead.comments.spam.Decision} (APPROVE, HOLD, SPAM, DISCARD), the total score, and every
 * {@link dev.masthead.comments.spam.Signal} with its stable code and readable reason, so a moderator sees why.
 * Built-in checks: {@link dev.masthead.comments.spam.LinkCheck}, {@link dev.masthead.comments.spam.TermListCheck},
 * {@link dev.masthead.comments.spam.FloodCheck}, {@link dev.masthead.comments.spam.DuplicateCheck},
 * {@link dev.masthead.comments.spam.HoneypotCheck}, {@link dev.masthead.comments.spam.FormTokenCheck},
 * {@link dev.masthead.comments.spam.ContentHeuristicsCheck}, {@link dev.masthead.comments.spam.ClassifierCheck},
 * {@link dev.masthead.comments.spam.ApprovedAuthorCheck} and {@link dev.masthead.comments.spam.AkismetCheck}.
 *
 * <p>Every type in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.masthead.comments.spam;

import org.jspecify.annotations.NullMarked;
