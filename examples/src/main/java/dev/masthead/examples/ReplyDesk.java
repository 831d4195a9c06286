package dev.masthead.examples;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.masthead.comments.Comment;
import dev.masthead.comments.CommentSubmission;
import dev.masthead.comments.CommentValidator;
import dev.masthead.comments.Field;
import dev.masthead.comments.ValidationResult;
import dev.masthead.comments.spam.FormTokens;
import dev.masthead.comments.spam.Signal;
import dev.masthead.comments.spam.Label;
import dev.masthead.comments.spam.SpamClassifier;
import dev.masthead.comments.spam.SpamChecks;
import dev.masthead.comments.spam.SpamContext;
import dev.masthead.comments.spam.SpamFilter;
import dev.masthead.comments.spam.TermList;
import dev.masthead.comments.spam.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The "Leave a reply" desk of the demo: validation, then the spam filter, as a host wires them. The filter has
 * every local check; its classifier is trained from labelled comments, since the library ships no model.
 */
final class ReplyDesk {
  /** Disallowed and moderation terms of the demo site, written for it. */
  static final String DISALLOWED = "casino\nv*agra\n~pharma-deals\n192.0.2.0/24";
  static final String MODERATION = "refund\nlawsuit";

  final CommentValidator validator;
  final SpamFilter filter;
  final FormTokens tokens;

  ReplyDesk(CommentValidator validator, SpamClassifier classifier, FormTokens tokens, InstantSource clock) {
    this.validator = validator;
    this.tokens = tokens;
    this.filter = SpamFilter.builder()
        .check(SpamChecks.honeypot())
        .check(SpamChecks.formToken(tokens))
        .check(SpamChecks.flood(clock))
        .check(SpamChecks.duplicate(clock))
        .check(SpamChecks.approvedAuthors(clock))
        .check(SpamChecks.links())
        .check(SpamChecks.terms(TermList.parse(DISALLOWED), TermList.parse(MODERATION)))
        .check(SpamChecks.contentHeuristics())
        .check(SpamChecks.classifier(classifier))
        .build();
  }

  /** Trains the classifier on the labelled sample written for the demo ({@code sample-comments.csv}). */
  static SpamClassifier sampleClassifier() throws IOException {
    List<SpamClassifier.Example> examples = new ArrayList<>();
    try (InputStream in = ReplyDesk.class.getResourceAsStream("sample-comments.csv")) {
      if (in == null) {
        throw new IOException("sample-comments.csv is missing from the examples jar");
      }
      MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class)
          .with(CsvSchema.emptySchema().withHeader()).readValues(in);
      while (it.hasNextValue()) {
        Map<String, String> row = it.nextValue();
        examples.add(new SpamClassifier.Example(row.get("content"), "spam".equals(row.get("label")) ? Label.SPAM : Label.HAM));
      }
    }
    return SpamClassifier.trainer().train(examples);
  }

  /** Validates and checks one submission, and prints what the reader (or the moderator) would see. */
  void submit(PrintStream out, String label, CommentSubmission submission, SpamContext context, Locale locale) {
    out.println("  " + label);
    ValidationResult result = validator.validate(submission);
    if (result instanceof ValidationResult.Invalid invalid) {
      for (Map.Entry<Field, List<String>> e : invalid.messagesByField(locale).entrySet()) {
        for (String message : e.getValue()) {
          out.printf(Locale.ROOT, "      %-8s %s%n", e.getKey().toString().toLowerCase(Locale.ROOT) + ":", message);
        }
      }
      return;
    }
    Comment comment = result.validComment().get();
    Verdict verdict = filter.check(comment, context);
    out.printf(Locale.ROOT, "      -> %s (score %.2f)%s%n", verdict.decision(), verdict.score(),
        verdict.refused().map(r -> ", refused: " + r).orElse(""));
    for (Signal s : verdict.signals()) {
      out.printf(Locale.ROOT, "         %-28s %s%n", s.code(), s.reason());
    }
    if (!verdict.skipped().isEmpty()) {
      out.printf(Locale.ROOT, "         (settled early; not run: %s)%n", String.join(", ", verdict.skipped()));
    }
  }
}
