package dev.masthead.comments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

  /** Normalizes like the validator's email field, then applies the rule. */
  private static String accept(String typed) {
    return EmailAddress.normalize(FieldText.singleLine(typed, Integer.MAX_VALUE, false).value(), false);
  }

  private static String acceptUtf8(String typed) {
    return EmailAddress.normalize(FieldText.singleLine(typed, Integer.MAX_VALUE, false).value(), true);
  }

  @Test
  void regressionSmtpUtf8AcceptsAUnicodeLocalPartAndStoresTheDomainInPunycode() {
    assertThat(acceptUtf8("j\u00F6rg@b\u00FCcher.example")).isEqualTo("j\u00F6rg@xn--bcher-kva.example");
    assertThat(acceptUtf8("jo\u0308rg@b\u00FCcher.example")).isEqualTo("j\u00F6rg@xn--bcher-kva.example"); // NFC
    assertThat(acceptUtf8("\u7528\u6237.\u540D@\u4F8B\u3048.\u30C6\u30B9\u30C8"))
        .isEqualTo("\u7528\u6237.\u540D@xn--r8jz45g.xn--zckzah");
    assertThat(acceptUtf8("jane+news@example.com")).isEqualTo("jane+news@example.com");
  }

  @Test
  void unicodeLocalPartsAreRefusedWithoutSmtpUtf8AsWordPress() {
    assertThat(accept("j\u00F6rg@b\u00FCcher.example")).isNull();
  }

  @Test
  void smtpUtf8StillRefusesSymbolsLookAlikePunctuationAndOverlongLocalParts() {
    assertThat(acceptUtf8("j\u00F6rg\uFF20b\u00FCcher.example")).isNull(); // full-width @, the only @
    assertThat(acceptUtf8("\u2603@example.com")).isNull(); // a snowman is no letter
    assertThat(acceptUtf8("a\u00A0b@example.com")).isNull();
    assertThat(acceptUtf8(".j\u00F6rg@example.com")).isNull();
    assertThat(acceptUtf8("\u00F6".repeat(32) + "@example.com")).isNotNull(); // 64 bytes
    assertThat(acceptUtf8("\u00F6".repeat(33) + "@example.com")).isNull(); // 66 bytes in UTF-8
  }

  @Test
  void acceptsPlusAddressing() {
    assertThat(accept("jane+newsletter@example.com")).isEqualTo("jane+newsletter@example.com");
    assertThat(accept("jane+a+b@mail.example.co.uk")).isEqualTo("jane+a+b@mail.example.co.uk");
  }

  @Test
  void keepsLocalPartCaseAndLowerCasesDomain() {
    assertThat(accept("Jane.Doe@Example.COM")).isEqualTo("Jane.Doe@example.com");
  }

  @Test
  void acceptsEveryAtextCharacter() {
    assertThat(accept("!#$%&'*+-/=?^_`{|}~@example.org")).isEqualTo("!#$%&'*+-/=?^_`{|}~@example.org");
  }

  @Test
  void storesInternationalizedDomainsInPunycode() {
    assertThat(accept("info@b\u00FCcher.de")).isEqualTo("info@xn--bcher-kva.de");
    assertThat(accept("info@\u4F8B\u3048.\u30C6\u30B9\u30C8")).isEqualTo("info@xn--r8jz45g.xn--zckzah");
    assertThat(accept("user@\u043F\u0440\u0438\u043C\u0435\u0440.\u0440\u0444"))
        .isEqualTo("user@xn--e1afmkfd.xn--p1ai");
    assertThat(accept("info@B\u00DCCHER.DE")).isEqualTo("info@xn--bcher-kva.de");
  }

  @Test
  void removesInvisibleCharactersBeforeChecking() {
    assertThat(accept("\u200Bjane@exa\u00ADmple.com\uFEFF ")).isEqualTo("jane@example.com");
  }

  @Test
  void acceptsLocalPartOfExactly64AndRefuses65() {
    assertThat(accept("a".repeat(64) + "@example.com")).isNotNull();
    assertThat(accept("a".repeat(65) + "@example.com")).isNull();
  }

  @Test
  void acceptsAddressOfExactly254AndRefuses255() {
    String local = "l".repeat(64);
    // 64 + 1 + 189 = 254: labels of 63 + '.' + 63 + '.' + 57 + ".org" (4)
    String domain254 = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(57) + ".org";
    String address = local + "@" + domain254;
    assertThat(address).hasSize(254);
    assertThat(accept(address)).isEqualTo(address);

    String address255 = local + "@" + "d" + domain254;
    assertThat(address255).hasSize(255);
    assertThat(accept(address255)).isNull();
  }

  @Test
  void refusesLabelLongerThan63() {
    assertThat(accept("a@" + "b".repeat(63) + ".com")).isNotNull();
    assertThat(accept("a@" + "b".repeat(64) + ".com")).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Jane Doe <jane@example.com>",
      "<jane@example.com>",
      "\"Jane\" jane@example.com",
      "jane doe@example.com",
      "jane newsletter@example.com", // a '+' that arrived as a space is not repaired
      "jane@example .com",
      "jane@@example.com",
      "jane@exa@mple.com",
      "@example.com",
      "jane@",
      "jane",
      ".jane@example.com",
      "jane.@example.com",
      "ja..ne@example.com",
      "\"jane\"@example.com",
      "jane(comment)@example.com",
      "j\u00E4ne@example.com",
      "jane@localhost",
      "jane@example",
      "jane@example.com.",
      "jane@.example.com",
      "jane@exa..mple.com",
      "jane@-example.com",
      "jane@example-.com",
      "jane@exa_mple.com",
      "jane@192.168.0.1",
      "jane@[192.168.0.1]",
      "jane@example.123",
      "jane@example.com\nBcc: victim@example.com",
      "mailto:jane@example.com",
      "jane@xn--.com"
  })
  void refusesOutsideThePracticalSubset(String typed) {
    assertThat(accept(typed)).as(typed).isNull();
  }

  @Test
  void refusesNameAndAddressFormThroughTheValidator() {
    ValidationResult result = Fixtures.validator()
        .validate(Fixtures.valid().authorEmail("Ada Lovelace <ada@example.org>").build());
    assertThat(result.errors()).extracting(FieldError::code).containsExactly(ErrorCode.EMAIL_INVALID);
  }

  @Test
  void decidesHostileEmailLikeStringOf100000CharsQuickly() {
    CommentValidator generous = Fixtures.validator(
        CommentPolicy.builder().maxEmailLengthCodePoints(1_000_000).build());
    List<String> hostile = List.of(
        "a".repeat(99_990) + "@example.com",
        "a.".repeat(50_000) + "@x.com",
        "a@" + "b.".repeat(49_998) + "com",
        "a@" + "b-".repeat(50_000),
        "@".repeat(100_000),
        "a".repeat(100_000),
        "\"".repeat(50_000) + "@" + "a".repeat(49_999),
        "x@" + "\u00FC".repeat(99_998));
    // How long they take is measured by HostileEmailBenchmark, not asserted here.
    for (String email : hostile) {
      ValidationResult result = generous.validate(Fixtures.valid().authorEmail(email).build());
      assertThat(result.errors()).as("a %d-char address", email.length())
          .extracting(FieldError::code).containsExactly(ErrorCode.EMAIL_INVALID);
    }
    // With the default policy, the length limit decides before any parsing.
    assertThat(Fixtures.validator().validate(Fixtures.valid().authorEmail(hostile.get(0)).build()).errors())
        .extracting(FieldError::code).containsExactly(ErrorCode.EMAIL_TOO_LONG);
  }
}
