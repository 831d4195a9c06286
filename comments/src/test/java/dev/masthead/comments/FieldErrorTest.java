package dev.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.NumberFormat;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FieldErrorTest {
  private static final Locale[] SHIPPED = {Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH, new Locale("es")};

  private static final Map<ErrorCode, String> ENGLISH = new EnumMap<>(Map.ofEntries(
      Map.entry(ErrorCode.ARTICLE_NOT_FOUND, "Sorry, this article could not be found."),
      Map.entry(ErrorCode.ARTICLE_CLOSED, "Sorry, comments are closed for this article."),
      Map.entry(ErrorCode.PARENT_NOT_FOUND, "The comment you are replying to could not be found."),
      Map.entry(ErrorCode.PARENT_NOT_APPROVED, "You cannot reply to a comment that is awaiting moderation."),
      Map.entry(ErrorCode.PARENT_TOO_DEEP, "Replies cannot be nested more than 5 levels deep."),
      Map.entry(ErrorCode.AUTHOR_REQUIRED, "Please enter your name here"),
      Map.entry(ErrorCode.AUTHOR_TOO_LONG, "Your name is too long (at most 245 characters)."),
      Map.entry(ErrorCode.EMAIL_REQUIRED, "Please enter your email address here"),
      Map.entry(ErrorCode.EMAIL_TOO_LONG, "Your email address is too long (at most 100 characters)."),
      Map.entry(ErrorCode.EMAIL_INVALID, "You have entered an incorrect email address!"),
      Map.entry(ErrorCode.URL_TOO_LONG, "Your website address is too long (at most 200 characters)."),
      Map.entry(ErrorCode.URL_INVALID, "You have entered an incorrect website address!"),
      Map.entry(ErrorCode.CONTENT_REQUIRED, "Please enter your comment!"),
      Map.entry(ErrorCode.CONTENT_TOO_SHORT, "Your comment is too short (at least 3 characters)."),
      Map.entry(ErrorCode.CONTENT_TOO_LONG, "Your comment is too long (at most {n} characters).")));

  private static final Map<ErrorCode, String> GERMAN = new EnumMap<>(Map.ofEntries(
      Map.entry(ErrorCode.ARTICLE_NOT_FOUND, "Dieser Artikel wurde leider nicht gefunden."),
      Map.entry(ErrorCode.ARTICLE_CLOSED, "Die Kommentare zu diesem Artikel sind leider geschlossen."),
      Map.entry(ErrorCode.PARENT_NOT_FOUND, "Der Kommentar, auf den Sie antworten, wurde nicht gefunden."),
      Map.entry(ErrorCode.PARENT_NOT_APPROVED,
          "Auf einen Kommentar, der noch auf Freigabe wartet, können Sie nicht antworten."),
      Map.entry(ErrorCode.PARENT_TOO_DEEP, "Antworten können höchstens 5 Ebenen tief verschachtelt werden."),
      Map.entry(ErrorCode.AUTHOR_REQUIRED, "Bitte geben Sie hier Ihren Namen ein"),
      Map.entry(ErrorCode.AUTHOR_TOO_LONG, "Ihr Name ist zu lang (höchstens 245 Zeichen)."),
      Map.entry(ErrorCode.EMAIL_REQUIRED, "Bitte geben Sie hier Ihre E-Mail-Adresse ein"),
      Map.entry(ErrorCode.EMAIL_TOO_LONG, "Ihre E-Mail-Adresse ist zu lang (höchstens 100 Zeichen)."),
      Map.entry(ErrorCode.EMAIL_INVALID, "Sie haben eine ungültige E-Mail-Adresse eingegeben!"),
      Map.entry(ErrorCode.URL_TOO_LONG, "Ihre Website-Adresse ist zu lang (höchstens 200 Zeichen)."),
      Map.entry(ErrorCode.URL_INVALID, "Sie haben eine ungültige Website-Adresse eingegeben!"),
      Map.entry(ErrorCode.CONTENT_REQUIRED, "Bitte geben Sie Ihren Kommentar ein!"),
      Map.entry(ErrorCode.CONTENT_TOO_SHORT, "Ihr Kommentar ist zu kurz (mindestens 3 Zeichen)."),
      Map.entry(ErrorCode.CONTENT_TOO_LONG, "Ihr Kommentar ist zu lang (höchstens {n} Zeichen).")));

  private static final Map<ErrorCode, String> FRENCH = new EnumMap<>(Map.ofEntries(
      Map.entry(ErrorCode.ARTICLE_NOT_FOUND, "Désolé, cet article est introuvable."),
      Map.entry(ErrorCode.ARTICLE_CLOSED, "Désolé, les commentaires sont fermés pour cet article."),
      Map.entry(ErrorCode.PARENT_NOT_FOUND, "Le commentaire auquel vous répondez est introuvable."),
      Map.entry(ErrorCode.PARENT_NOT_APPROVED,
          "Vous ne pouvez pas répondre à un commentaire en attente de modération."),
      Map.entry(ErrorCode.PARENT_TOO_DEEP, "Les réponses ne peuvent pas être imbriquées sur plus de 5 niveaux."),
      Map.entry(ErrorCode.AUTHOR_REQUIRED, "Veuillez saisir votre nom ici"),
      Map.entry(ErrorCode.AUTHOR_TOO_LONG, "Votre nom est trop long (245 caractères au maximum)."),
      Map.entry(ErrorCode.EMAIL_REQUIRED, "Veuillez saisir votre adresse e-mail ici"),
      Map.entry(ErrorCode.EMAIL_TOO_LONG, "Votre adresse e-mail est trop longue (100 caractères au maximum)."),
      Map.entry(ErrorCode.EMAIL_INVALID, "Vous avez saisi une adresse e-mail incorrecte\u00a0!"),
      Map.entry(ErrorCode.URL_TOO_LONG,
          "L'adresse de votre site web est trop longue (200 caractères au maximum)."),
      Map.entry(ErrorCode.URL_INVALID, "Vous avez saisi une adresse de site web incorrecte\u00a0!"),
      Map.entry(ErrorCode.CONTENT_REQUIRED, "Veuillez saisir votre commentaire\u00a0!"),
      Map.entry(ErrorCode.CONTENT_TOO_SHORT, "Votre commentaire est trop court (3 caractères au minimum)."),
      Map.entry(ErrorCode.CONTENT_TOO_LONG,
          "Votre commentaire est trop long ({n} caractères au maximum).")));

  private static final Map<ErrorCode, String> SPANISH = new EnumMap<>(Map.ofEntries(
      Map.entry(ErrorCode.ARTICLE_NOT_FOUND, "Lo sentimos, no se ha encontrado este artículo."),
      Map.entry(ErrorCode.ARTICLE_CLOSED, "Lo sentimos, los comentarios de este artículo están cerrados."),
      Map.entry(ErrorCode.PARENT_NOT_FOUND, "No se ha encontrado el comentario al que responde."),
      Map.entry(ErrorCode.PARENT_NOT_APPROVED, "No puede responder a un comentario pendiente de moderación."),
      Map.entry(ErrorCode.PARENT_TOO_DEEP, "Las respuestas no pueden anidarse más de 5 niveles."),
      Map.entry(ErrorCode.AUTHOR_REQUIRED, "Por favor, introduzca aquí su nombre"),
      Map.entry(ErrorCode.AUTHOR_TOO_LONG, "Su nombre es demasiado largo (máximo 245 caracteres)."),
      Map.entry(ErrorCode.EMAIL_REQUIRED, "Por favor, introduzca aquí su correo electrónico"),
      Map.entry(ErrorCode.EMAIL_TOO_LONG, "Su correo electrónico es demasiado largo (máximo 100 caracteres)."),
      Map.entry(ErrorCode.EMAIL_INVALID, "¡Ha introducido una dirección de correo electrónico incorrecta!"),
      Map.entry(ErrorCode.URL_TOO_LONG, "La dirección de su sitio web es demasiado larga (máximo 200 caracteres)."),
      Map.entry(ErrorCode.URL_INVALID, "¡Ha introducido una dirección de sitio web incorrecta!"),
      Map.entry(ErrorCode.CONTENT_REQUIRED, "¡Por favor, introduzca su comentario!"),
      Map.entry(ErrorCode.CONTENT_TOO_SHORT, "Su comentario es demasiado corto (mínimo 3 caracteres)."),
      Map.entry(ErrorCode.CONTENT_TOO_LONG, "Su comentario es demasiado largo (máximo {n} caracteres).")));

  /** The limits of the default policy (and a minimum content length of 3), as the validator reports them. */
  private static FieldError errorFor(ErrorCode code) {
    switch (code) {
      case PARENT_TOO_DEEP:
        return FieldError.of(code, 5);
      case AUTHOR_TOO_LONG:
        return FieldError.of(code, 245);
      case EMAIL_TOO_LONG:
        return FieldError.of(code, 100);
      case URL_TOO_LONG:
        return FieldError.of(code, 200);
      case CONTENT_TOO_SHORT:
        return FieldError.of(code, 3);
      case CONTENT_TOO_LONG:
        return FieldError.of(code, 65_525);
      default:
        return FieldError.of(code);
    }
  }

  /** The expected text with the content limit formatted as the locale's number format does it. */
  private static String expected(Map<ErrorCode, String> messages, ErrorCode code, Locale locale) {
    return messages.get(code).replace("{n}", NumberFormat.getIntegerInstance(locale).format(65_525));
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void hasEnglishMessage(ErrorCode code) {
    assertThat(errorFor(code).message(Locale.ENGLISH)).isEqualTo(expected(ENGLISH, code, Locale.ENGLISH));
    assertThat(errorFor(code).message(Locale.US)).isEqualTo(expected(ENGLISH, code, Locale.US));
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void hasGermanMessage(ErrorCode code) {
    assertThat(errorFor(code).message(Locale.GERMAN)).isEqualTo(expected(GERMAN, code, Locale.GERMAN));
    Locale austria = new Locale("de", "AT");
    assertThat(errorFor(code).message(austria)).isEqualTo(expected(GERMAN, code, austria));
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void hasFrenchMessage(ErrorCode code) {
    assertThat(errorFor(code).message(Locale.FRENCH)).isEqualTo(expected(FRENCH, code, Locale.FRENCH));
  }

  @ParameterizedTest
  @EnumSource(ErrorCode.class)
  void hasSpanishMessage(ErrorCode code) {
    assertThat(errorFor(code).message(new Locale("es"))).isEqualTo(expected(SPANISH, code, new Locale("es")));
  }

  @Test
  void shipsEveryLanguageItSupports() {
    Set<String> languages = new HashSet<>();
    for (Locale locale : SHIPPED) {
      languages.add(locale.getLanguage());
    }
    assertThat(languages).isEqualTo(FieldError.SUPPORTED_LANGUAGES);
  }

  @Test
  void formatsTheLimitForTheReadersLocale() {
    assertThat(FieldError.of(ErrorCode.CONTENT_TOO_LONG, 65_525).message(Locale.ENGLISH)).contains("65,525");
    assertThat(FieldError.of(ErrorCode.CONTENT_TOO_LONG, 65_525).message(Locale.GERMAN)).contains("65.525");
  }

  @Test
  void fallsBackToEnglishWhateverTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMAN);
      assertThat(FieldError.of(ErrorCode.CONTENT_REQUIRED).message(Locale.JAPANESE))
          .isEqualTo("Please enter your comment!");
      assertThat(FieldError.of(ErrorCode.CONTENT_REQUIRED).message(Locale.ROOT))
          .isEqualTo("Please enter your comment!");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void codesAreStableFieldDotReason() {
    Set<String> seen = new HashSet<>();
    for (ErrorCode code : ErrorCode.values()) {
      assertThat(code.code()).startsWith(code.field().name().toLowerCase(Locale.ROOT) + ".");
      assertThat(seen.add(code.code())).as("unique %s", code).isTrue();
    }
    assertThat(ErrorCode.CONTENT_REQUIRED.code()).isEqualTo("content.required");
    assertThat(ErrorCode.AUTHOR_REQUIRED.code()).isEqualTo("author.required");
    assertThat(ErrorCode.EMAIL_INVALID.code()).isEqualTo("email.invalid");
    assertThat(ErrorCode.URL_INVALID.code()).isEqualTo("url.invalid");
    assertThat(ErrorCode.CONTENT_TOO_LONG.code()).isEqualTo("content.too_long");
    assertThat(ErrorCode.PARENT_NOT_FOUND.code()).isEqualTo("parent.not_found");
    assertThat(ErrorCode.ARTICLE_CLOSED.code()).isEqualTo("article.closed");
  }

  @Test
  void refusesNegativeLimit() {
    assertThatThrownBy(() -> FieldError.of(ErrorCode.CONTENT_TOO_LONG, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
