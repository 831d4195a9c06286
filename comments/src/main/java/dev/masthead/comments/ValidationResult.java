package dev.masthead.comments;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link CommentValidator#validate} decided: either {@link Valid} with the clean {@link Comment}, or
 * {@link Invalid} with every {@link FieldError} at once.
 *
 * <pre>{@code
 * ValidationResult result = validator.validate(submission);
 * if (result instanceof ValidationResult.Valid valid) {
 *   store(valid.comment());
 * } else {
 *   Map<Field, List<String>> messages = ((ValidationResult.Invalid) result).messagesByField(locale);
 *   // show each message next to its field
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface ValidationResult permits ValidationResult.Valid, ValidationResult.Invalid {

  /**
   * Tells whether the submission was accepted.
   *
   * @return {@code true} for {@link Valid}
   */
  boolean isValid();

  /**
   * Returns the field errors.
   *
   * @return every error in field order ({@link Field} order, then detection order); empty for {@link Valid}
   */
  List<FieldError> errors();

  /**
   * Returns the comment if the submission was accepted.
   *
   * @return the comment, or empty for {@link Invalid}
   */
  Optional<Comment> validComment();

  /**
   * An accepted submission.
   *
   * @param comment the clean comment
   */
  record Valid(Comment comment) implements ValidationResult {
    /**
     * Checks the component.
     *
     * @throws NullPointerException if {@code comment} is null
     */
    public Valid {
      Objects.requireNonNull(comment, "Valid.comment");
    }

    @Override
    public boolean isValid() {
      return true;
    }

    @Override
    public List<FieldError> errors() {
      return List.of();
    }

    @Override
    public Optional<Comment> validComment() {
      return Optional.of(comment);
    }
  }

  /**
   * A refused submission.
   *
   * @param errors every problem found, at least one
   */
  record Invalid(List<FieldError> errors) implements ValidationResult {
    /**
     * Checks and copies the errors.
     *
     * @throws NullPointerException if {@code errors} is or holds null
     * @throws IllegalArgumentException if {@code errors} is empty
     */
    public Invalid {
      errors = List.copyOf(errors);
      if (errors.isEmpty()) {
        throw new IllegalArgumentException("Invalid.errors must not be empty");
      }
    }

    @Override
    public boolean isValid() {
      return false;
    }

    @Override
    public Optional<Comment> validComment() {
      return Optional.empty();
    }

    /**
     * Returns the error codes.
     *
     * @return the codes of {@link #errors()}, in the same order
     */
    public List<ErrorCode> codes() {
      List<ErrorCode> codes = new ArrayList<>(errors.size());
      for (FieldError error : errors) {
        codes.add(error.code());
      }
      return List.copyOf(codes);
    }

    /**
     * Returns the messages to show next to each field.
     *
     * @param locale the reader's locale (see {@link FieldError#message(Locale)})
     * @return an unmodifiable map, in {@link Field} order, from each field with errors to its messages
     * @throws NullPointerException if {@code locale} is null
     */
    public Map<Field, List<String>> messagesByField(Locale locale) {
      Objects.requireNonNull(locale, "locale");
      Map<Field, List<String>> messages = new EnumMap<>(Field.class);
      for (FieldError error : errors) {
        messages.computeIfAbsent(error.field(), field -> new ArrayList<>()).add(error.message(locale));
      }
      messages.replaceAll((field, list) -> List.copyOf(list));
      return Collections.unmodifiableMap(messages);
    }
  }
}
