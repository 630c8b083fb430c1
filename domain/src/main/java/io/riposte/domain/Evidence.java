package io.riposte.domain;

/**
 * One mention of an action in one article.
 *
 * @param start character offset of the sentence in {@link Article#text()} (inclusive)
 * @param end character offset of the sentence's end in {@link Article#text()} (exclusive)
 */
public record Evidence(String articleId, String origin, String sentence, int start, int end) {}
