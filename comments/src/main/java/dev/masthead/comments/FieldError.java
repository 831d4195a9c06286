package dev.masthead.comments;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One problem with one field of a submission, with a message for the reader in their language.
 *
 * <p>Messages come from the resource bundle {@code dev.masthead.comments.messages}, shipped in
 * {@linkplain #SUPPORTED_LANGUAGES English, German, French and Spanish}; any other language gets English.
 * The English messages use the reply form's familiar wording ("Please enter your comment!", "Please enter
 * your name here", "You have entered an incorrect email address!").
 *
 * <p>Immutable and thread-safe.
 *
 * @param code why the field was refused
 * @param limit the limit the value broke (code points for the {@code *_TOO_LONG} and
 *     {@link ErrorCode#CONTENT_TOO_SHORT} codes, levels for {@link ErrorCode#PARENT_TOO_DEEP}), or
 *     {@code null} for codes without one
 */
public record FieldError(ErrorCode code, @Nullable Integer limit) {
  /** The languages (ISO 639 codes) that have their own messages; every other language gets English. */
  public static final Set<String> SUPPORTED_LANGUAGES = Set.of("en", "de", "fr", "es");

  private static final String BUNDLE = "dev.masthead.comments.messages";

  /**
   * Checks the components.
   *
   * @throws NullPointerException if {@code code} is null
   * @throws IllegalArgumentException if {@code limit} is negative
   */
  public FieldError {
    Objects.requireNonNull(code, "FieldError.code");
    if (limit != null && limit < 0) {
      throw new IllegalArgumentException("FieldError.limit must not be negative, was " + limit);
    }
  }

  /**
   * Returns an error without a limit.
   *
   * @param code why the field was refused
   * @return the error
   */
  public static FieldError of(ErrorCode code) {
    return new FieldError(code, null);
  }

  /**
   * Returns an error with the limit the value broke.
   *
   * @param code why the field was refused
   * @param limit the limit, in code points or levels
   * @return the error
   * @throws IllegalArgumentException if {@code limit} is negative
   */
  public static FieldError of(ErrorCode code, int limit) {
    return new FieldError(code, limit);
  }

  /**
   * Returns the field this error belongs next to.
   *
   * @return {@code code().field()}
   */
  public Field field() {
    return code.field();
  }

  /**
   * Returns the limit the value broke, if the code has one.
   *
   * @return the limit
   */
  public Optional<Integer> limitValue() {
    return Optional.ofNullable(limit);
  }

  /**
   * Returns the message for a reader, in the given locale's language, with the limit (if any) formatted for
   * that locale (for example "65,525" in English, "65.525" in German).
   *
   * @param locale the reader's locale; languages outside {@link #SUPPORTED_LANGUAGES} get English
   * @return the message, one sentence
   * @throws NullPointerException if {@code locale} is null
   */
  public String message(Locale locale) {
    Objects.requireNonNull(locale, "locale");
    Locale language = SUPPORTED_LANGUAGES.contains(locale.getLanguage()) && !"en".equals(locale.getLanguage())
        ? new Locale(locale.getLanguage())
        : Locale.ROOT;
    // Locale.ROOT is requested explicitly so that the JVM's default locale never chooses the language.
    ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, language);
    String pattern = bundle.getString(code.code());
    Object[] arguments = limit == null ? new Object[0] : new Object[] {limit};
    return new MessageFormat(pattern, locale).format(arguments);
  }
}
