package dev.masthead.comments.spam;

/**
 * Unicode's {@code Default_Ignorable_Code_Point} property (UAX #44, {@code DerivedCoreProperties.txt}): code
 * points that show nothing where a renderer does not support them, such as U+200B ZERO WIDTH SPACE, the Hangul
 * fillers U+115F, U+1160, U+3164 and U+FFA0, variation selectors, and the reserved ranges Unicode keeps for
 * more of them.
 *
 * <p>The table was generated from ICU4J 77.1 (Unicode 16.0) with
 * {@code UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT)} for every code point;
 * {@code DefaultIgnorablesTest} compares it with ICU4J, a test dependency, for all 1,114,112 code points, so a
 * newer ICU that changes the property fails the build until the table is regenerated. (The JDK has no such
 * property, and ICU4J is 14 MB for one table of 17 ranges: see docs/decisions.md.)
 *
 * <p>Thread-safe: a pure function over a constant table.
 */
final class DefaultIgnorables {
  /** The property's ranges, first and last code point of each, in increasing order (Unicode 16.0). */
  private static final int[] RANGES = {
      0x00AD, 0x00AD,
      0x034F, 0x034F,
      0x061C, 0x061C,
      0x115F, 0x1160,
      0x17B4, 0x17B5,
      0x180B, 0x180F,
      0x200B, 0x200F,
      0x202A, 0x202E,
      0x2060, 0x206F,
      0x3164, 0x3164,
      0xFE00, 0xFE0F,
      0xFEFF, 0xFEFF,
      0xFFA0, 0xFFA0,
      0xFFF0, 0xFFF8,
      0x1BCA0, 0x1BCA3,
      0x1D173, 0x1D17A,
      0xE0000, 0xE0FFF,
  };

  /** The Unicode version the table was generated from. */
  static final String UNICODE_VERSION = "16.0";

  private DefaultIgnorables() {}

  /** Whether {@code cp} has the property {@code Default_Ignorable_Code_Point}. */
  static boolean contains(int cp) {
    if (cp < 0x00AD) {
      return false; // the common case: ASCII and Latin-1 letters
    }
    for (int i = 0; i < RANGES.length; i += 2) {
      if (cp < RANGES[i]) {
        return false;
      }
      if (cp <= RANGES[i + 1]) {
        return true;
      }
    }
    return false;
  }
}
