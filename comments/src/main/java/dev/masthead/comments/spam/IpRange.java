package dev.masthead.comments.spam;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 address, or a CIDR range of them ({@code 203.0.113.0/24}, {@code 2001:db8::/32}). Only
 * literal addresses are parsed: no name is ever looked up. A single address matches only itself, never a
 * longer address that starts with the same characters.
 */
record IpRange(byte[] network, int prefixLength) {

  /** Parses an address or a CIDR range, or returns empty if the text is neither. */
  static Optional<IpRange> parse(String text) {
    String s = text.trim();
    int slash = s.indexOf('/');
    String address = slash >= 0 ? s.substring(0, slash) : s;
    byte[] bytes = literal(address);
    if (bytes == null) {
      return Optional.empty();
    }
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      String p = s.substring(slash + 1);
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return Optional.empty();
      }
      prefix = Integer.parseInt(p);
      if (prefix > bytes.length * 8) {
        return Optional.empty();
      }
    }
    return Optional.of(new IpRange(mask(bytes, prefix), prefix));
  }

  /** Whether the address (a literal) is inside this range; false for anything that is not an address. */
  boolean contains(@Nullable String address) {
    if (address == null) {
      return false;
    }
    byte[] bytes = literal(address.trim());
    if (bytes == null) {
      return false;
    }
    if (bytes.length != network.length) {
      // an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is compared as IPv4
      if (bytes.length == 16 && network.length == 4 && isV4Mapped(bytes)) {
        byte[] v4 = new byte[4];
        System.arraycopy(bytes, 12, v4, 0, 4);
        bytes = v4;
      } else {
        return false;
      }
    }
    return java.util.Arrays.equals(mask(bytes, prefixLength), network);
  }

  private static boolean isV4Mapped(byte[] b) {
    for (int i = 0; i < 10; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return b[10] == (byte) 0xff && b[11] == (byte) 0xff;
  }

  private static byte[] mask(byte[] bytes, int prefix) {
    byte[] out = bytes.clone();
    for (int bit = prefix; bit < out.length * 8; bit++) {
      out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return out;
  }

  /** The bytes of a literal IPv4 or IPv6 address, or null. Never resolves a name. */
  static byte @Nullable [] literal(String s) {
    if (s.isEmpty() || s.length() > 45) {
      return null;
    }
    boolean v6 = s.indexOf(':') >= 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = c >= '0' && c <= '9' || c == '.' || v6 && (c == ':' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F');
      if (!ok) {
        return null;
      }
    }
    if (!v6) {
      String[] parts = s.split("\\.", -1);
      if (parts.length != 4) {
        return null;
      }
      byte[] out = new byte[4];
      for (int i = 0; i < 4; i++) {
        if (parts[i].isEmpty() || parts[i].length() > 3) {
          return null;
        }
        int v = Integer.parseInt(parts[i]);
        if (v > 255) {
          return null;
        }
        out[i] = (byte) v;
      }
      return out;
    }
    char first = s.charAt(0);
    if (!(first == ':' || Character.digit(first, 16) >= 0)) {
      return null; // InetAddress takes a text as a literal only if it starts so; anything else it would resolve
    }
    try {
      // Only hex digits, colons and dots, starting with a hex digit or ':', reach here: InetAddress parses a
      // literal and never queries DNS.
      byte[] out = InetAddress.getByName(s).getAddress();
      return out;
    } catch (UnknownHostException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
    } catch (UnknownHostException e) {
      return new BigInteger(1, network).toString(16) + "/" + prefixLength;
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof IpRange r && r.prefixLength == prefixLength && java.util.Arrays.equals(r.network, network);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(network) * 31 + prefixLength;
  }
}
