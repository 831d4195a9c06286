/**
 * JMH benchmarks and a memory probe for the Redis store ({@code masthead-redis}), each starting its own
 * {@code redis-server} on a free 127.0.0.1 port with no persistence.
 */
package dev.masthead.benchmarks.redis;
