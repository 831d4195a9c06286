package dev.masthead.redis;

import java.util.Objects;

/**
 * The key prefix of one Masthead namespace: {@code mh:{<name>}:}. The braces are a Redis Cluster hash tag, so
 * every key of the namespace lives in one slot and a Lua script may touch any of them. Immutable.
 */
final class RedisNamespace {
  static final int MAX_LENGTH = 64;

  private final String name;
  private final String prefix;

  RedisNamespace(String name) {
    this.name = check(name);
    this.prefix = "mh:{" + name + "}:";
  }

  /** Checks a namespace name: 1 to 64 chars from {@code [A-Za-z0-9_.:-]} (no braces: they make the tag). */
  static String check(String name) {
    Objects.requireNonNull(name, "namespace");
    if (name.isEmpty() || name.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("namespace must be 1 to " + MAX_LENGTH + " chars, was " + name.length());
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '_' || c == '.' || c == ':' || c == '-';
      if (!ok) {
        throw new IllegalArgumentException("namespace may only use [A-Za-z0-9_.:-], found '" + c + "' at index " + i);
      }
    }
    return name;
  }

  String name() {
    return name;
  }

  /** The prefix every key of the namespace starts with. */
  String prefix() {
    return prefix;
  }

  /** A key of the namespace. */
  String key(String suffix) {
    return prefix + suffix;
  }

  @Override
  public String toString() {
    return name;
  }
}
