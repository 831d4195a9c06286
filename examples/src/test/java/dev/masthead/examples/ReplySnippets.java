package dev.masthead.examples;

import dev.masthead.comments.ArticleState;
import dev.masthead.comments.Comment;
import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.ParentLookup;
import dev.masthead.comments.ValidationResult;
import dev.masthead.comments.spam.AkismetClient;
import dev.masthead.comments.spam.FormTokens;
import dev.masthead.comments.spam.Label;
import dev.masthead.comments.spam.SpamChecks;
import dev.masthead.comments.spam.SpamClassifier;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.comments.spam.TermList;
import dev.masthead.comments.spam.Verdict;
import dev.masthead.core.Article;
import dev.masthead.core.ArticleId;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The README's "Leave a reply" snippet, word for word between the markers, compiled with the test code so that
 * it cannot drift from the API (Caffeine's {@code Snippets} pattern). It is not run: its Akismet client would
 * call the real service. The free names of the snippet are the parameters and the small host types below.
 */
@SuppressWarnings("unused")
final class ReplySnippets {
  private ReplySnippets() {}

  /** The host's article catalog. */
  interface Catalog {
    Optional<Article> find(ArticleId id);
  }

  /** The host's stored comments. */
  interface StoredComments {
    Optional<Stored> find(String id);
  }

  /** One stored comment, as the host keeps it. */
  record Stored(ArticleId articleId, boolean approved, int depth) {}

  /** The host's HTTP request. */
  interface Request {
    String getRemoteAddr();

    String getHeader(String name);
  }

  static void leaveAReply(Catalog catalog, StoredComments comments, InstantSource clock, Map<String, String> post,
      Request request, byte[] secretKey, String disallowedTerms, String moderationTerms, InputStream modelStream,
      String key, URI siteUrl, Locale locale) throws IOException {
    // --- README: Leave a reply ---
    CommentValidator validator = CommentValidator.builder()
        .articles(id -> catalog.find(id).map(a -> ArticleState.of(a, true, clock.instant())))
        .parents(id -> comments.find(id).map(c -> new ParentLookup.Parent(c.articleId(), c.approved(), c.depth())))
        .build();                                   // CommentPolicy.defaults(): WordPress's rules
    CommentSubmission form = CommentSubmission.builder()
        .articleId(post.get("comment_post_ID")).authorName(post.get("author")).authorEmail(post.get("email"))
        .authorUrl(post.get("url")).content(post.get("comment"))
        .honeypot(post.get("phone")).formToken(post.get("form_token"))
        .ipAddress(request.getRemoteAddr()).userAgent(request.getHeader("User-Agent")).build();

    SpamFilter spamFilter = SpamFilter.builder()      // SpamChecks has every built-in check; cheapest run first
        .check(SpamChecks.honeypot())
        .check(SpamChecks.formToken(FormTokens.create(secretKey, clock)))   // issue() a token when the form renders
        .check(SpamChecks.flood(clock))             // 15 s, as WordPress
        .check(SpamChecks.duplicate(clock))
        .check(SpamChecks.links())                   // hold at 2 links, as WordPress's comment_max_links
        .check(SpamChecks.terms(TermList.parse(disallowedTerms), TermList.parse(moderationTerms)))
        .check(SpamChecks.contentHeuristics())
        .check(SpamChecks.classifier(SpamClassifier.load(modelStream)))     // trained by you: the jar ships no model
        .check(SpamChecks.akismet(AkismetClient.builder().apiKey(key).blog(siteUrl).build()))
        .build();

    ValidationResult result = validator.validate(form);
    if (result instanceof ValidationResult.Invalid invalid) {
      invalid.messagesByField(locale);              // {CONTENT=[Please enter your comment!], …}
    } else {
      Comment comment = ((ValidationResult.Valid) result).comment();  // contentHtml is safe to insert as it is
      SpamContext context = SpamContext.of(form);
      Verdict verdict = spamFilter.check(comment, context);
      verdict.decision();                            // APPROVE, HOLD, SPAM or DISCARD
      verdict.signals();                             // each with code() "links.too_many" and reason() "Contains 2 links; …"
      verdict.refused();                             // Optional[FLOOD] → answer 429
      // later, when a moderator decides:
      spamFilter.feedback(comment, context, Label.SPAM); // or markSpam/markHam: reaches every learning check
    }
    // --- end ---
  }
}
