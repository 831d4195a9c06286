package dev.masthead.micrometer;

import java.util.Locale;

/** Tag values: lower case, as Micrometer's own binders write them. */
final class TagValues {
  private TagValues() {}

  static String of(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
