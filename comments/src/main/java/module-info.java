/**
 * Masthead comments: the "Leave a reply" form of an article page. A host hands over the submitted form as a
 * {@link dev.masthead.comments.CommentSubmission} and gets back, from
 * {@link dev.masthead.comments.CommentValidator#validate}, either a clean
 * {@link dev.masthead.comments.Comment} (normalized fields, sanitized HTML, plain text) or every field error
 * at once, with messages in the reader's language.
 *
 * Then {@link dev.masthead.comments.spam.SpamFilter} decides what happens to a valid comment, with every reason.
 *
 * <p>Exports {@code dev.masthead.comments} (value types, safe HTML, the validator and its builder, the policy and
 * its builder, and the two lookup interfaces the host implements) and {@code dev.masthead.comments.spam} (the
 * filter and its verdicts, the {@code SpamCheck} SPI, the {@code SpamChecks} factory of the built-in checks, the
 * store SPIs, term lists, form tokens, the classifier and the Akismet client). The checks themselves and
 * everything else are package-private.
 */
module dev.masthead.comments {
  requires static transitive org.jspecify;
  requires transitive dev.masthead.core;
  requires org.jsoup;
  requires org.slf4j;
  requires com.github.benmanes.caffeine;
  requires com.google.common;
  requires transitive java.net.http;

  exports dev.masthead.comments;
  exports dev.masthead.comments.spam;
}
