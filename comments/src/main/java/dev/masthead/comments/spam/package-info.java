/**
 * Spam checks with explained verdicts: what happens to a valid reply after
 * {@link dev.masthead.comments.CommentValidator} accepts it.
 *
 * <p>{@link dev.masthead.comments.spam.SpamFilter} runs {@link dev.masthead.comments.spam.SpamCheck}s, cheapest
 * first and network last, and returns a {@link dev.masthead.comments.spam.Verdict}: a
 * {@link dev.masthead.comments.spam.Decision} (APPROVE, HOLD, SPAM, DISCARD), the total score, and every
 * {@link dev.masthead.comments.spam.Signal} with its stable code and readable reason, so a moderator sees why.
 * The built-in checks come from {@link dev.masthead.comments.spam.SpamChecks} (honeypot, form token, flood,
 * duplicate, approved authors, links, term lists, content heuristics, the learned
 * {@link dev.masthead.comments.spam.SpamClassifier} and the {@link dev.masthead.comments.spam.AkismetClient});
 * their implementations are package-private. What a host implements: {@link dev.masthead.comments.spam.SpamCheck}
 * for a check of its own, and the stores {@link dev.masthead.comments.spam.FloodStore},
 * {@link dev.masthead.comments.spam.DuplicateStore} and {@link dev.masthead.comments.spam.ApprovedAuthors} to share
 * memory between app servers. Moderators' decisions flow back as a {@link dev.masthead.comments.spam.Label}.
 *
 * <p>Every type in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.masthead.comments.spam;

import org.jspecify.annotations.NullMarked;
