/**
 * Contract suites for the comment store SPIs ({@code FloodStore}, {@code DuplicateStore}, {@code ApprovedAuthors}):
 * abstract JUnit 5 classes that an implementation's test extends. Published in the comments test-jar, in a
 * package of their own so that a module that has {@code dev.masthead.comments} on its module path can use them.
 */
package dev.masthead.comments.spam.contract;
