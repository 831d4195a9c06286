/**
 * Redis-backed stores for Masthead, on one shared Lettuce connection ({@link dev.masthead.redis.RedisConnection}).
 *
 * <p>Every type in this package is non-null unless marked {@code @Nullable}.
 */
@NullMarked
package dev.masthead.redis;

import org.jspecify.annotations.NullMarked;
