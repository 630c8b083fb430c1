package io.riposte.extraction.internal;

import io.riposte.domain.Article;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.ExtractedAction;
import java.time.Instant;
import java.util.List;

/** One article's text with the passes of {@link Passes} built over it, for the tests of a single pass. */
final class PassFixture {
    static final Lexicon LEX = Lexicon.load();

    final Article article;
    final Tokens t;
    final Segmentation seg;
    final ActorMentions actors;
    final MeasureObjects measureObjects;
    final ThreatFrames threatFrames;
    final OtherActs otherActs;
    final SpeechActs speech;
    final Framing framing;
    final MeasureFrames frames;
    final Modalities modalities;
    final Direction direction;

    /** The text as an article published on 10 May 2024, its actor mentions found. */
    PassFixture(String text) {
        this.article = new Article("fixture", "fixture.txt", null, "", text, Instant.parse("2024-05-10T12:00:00Z"), DatePrecision.DAY,
                null, "en", null);
        this.t = Tokens.of(article.text(), LEX);
        this.seg = new Segmentation(t, LEX, this::mentionAt);
        this.actors = new ActorMentions(t, LEX, article.publishedDate(), seg);
        this.measureObjects = new MeasureObjects(t, LEX);
        this.threatFrames = new ThreatFrames(t, LEX, this::mentionAt);
        this.otherActs = new OtherActs(t, LEX, this::mentionAt);
        this.speech = new SpeechActs(t, LEX);
        this.framing = new Framing(t, LEX);
        this.frames = new MeasureFrames(t, LEX, seg, actors, measureObjects, threatFrames, otherActs);
        this.modalities = new Modalities(t, LEX, seg, frames, speech, threatFrames);
        this.direction = new Direction(t, LEX, seg, actors, frames, new SideScores(t, LEX, seg, speech, framing), framing,
                measureObjects, threatFrames);
        actors.find();
    }

    /** The index of the first token that is {@code word} (lower case), from token {@code from}. */
    int token(String word, int from) {
        for (int k = from; k < t.size; k++) {
            if (t.lower[k].equals(word)) {
                return k;
            }
        }
        throw new AssertionError("no token " + word + " in: " + t.text);
    }

    int token(String word) {
        return token(word, 0);
    }

    /** The triggers of sentence s. */
    List<Trig> triggers(int s) {
        return frames.findTriggers(t.sentenceFrom(s), t.sentenceTo(s));
    }

    /** The sides of the first action of the one-sentence text: "SOURCE>TARGET", or null when it has none. */
    String sides() {
        List<Trig> trigs = triggers(0);
        Direction.Found found = direction.find(trigs.get(0), 0, t.sentenceFrom(0), t.sentenceTo(0), trigs, null);
        return found == null ? null : found.hit().source + ">" + found.hit().target;
    }

    /** All the passes over the text, with negated and hypothetical actions kept when asked. */
    static List<ExtractedAction> extract(String text, boolean keepNonFactual) {
        PassFixture f = new PassFixture(text);
        return new Passes(LEX, f.article, Tokens.of(f.article.text(), LEX), keepNonFactual).run();
    }

    private Mention mentionAt(int k) {
        return actors.mentionAt(k);
    }
}
