package io.riposte.correlation;

/**
 * Where a date sits on the timeline, in epoch days: its first and last day, the middle, and how precise
 * it is ({@link ActionDates#precisionRank}). Year-less months sit in a nominal year.
 */
record TimelinePosition(long firstDay, long lastDay, long middleDay, int precisionRank) {}
