/**
 * JMH benchmarks of the reply form ({@code masthead-comments}): validation plus sanitizing of a typical
 * comment, beside jsoup's own {@code Jsoup.clean} as a naive baseline, the time to refuse a hostile
 * email-like string, and the hostile inputs that once took seconds ({@code HostileInputBenchmark}).
 */
package dev.masthead.benchmarks.comments;
