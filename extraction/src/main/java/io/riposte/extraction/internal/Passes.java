package io.riposte.extraction.internal;

import io.riposte.domain.Article;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.Modality;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The extraction of one article as a sequence of named passes (one instance per article, not thread-safe; the
 * extractor makes a new one per call). See extraction/README.md for the rules of each pass.
 *
 * <ol>
 * <li>segmentation: sentences ({@link Tokens}), clauses and quotes ({@link Segmentation});
 * <li>actor mentions ({@link ActorMentions}, with {@link StoryActors} and {@link Coordination});
 * <li>then, sentence by sentence: dates ({@link ActionDates} over {@link Dates}); measure frames
 * ({@link MeasureFrames}, with {@link MeasureObjects}, {@link ThreatFrames}, {@link OtherActs}); for each trigger,
 * direction ({@link Direction}, {@link SideScores}), modality ({@link Modalities}), counts and roles
 * ({@link Counts}), its date, and the enumeration fan-out ({@link EnumerationFanOut}); then the provocation cues
 * ({@link Provocations});
 * <li>merging into actions ({@link Merging}).
 * </ol>
 */
public final class Passes {
    private final Article article;
    private final Tokens t;
    private final boolean keepNonFactual;
    private final ActorMentions actors;
    private final MeasureFrames frames;
    private final Modalities modalities;
    private final Provocations provocations;
    private final EnumerationFanOut fanOut;
    private final ActionDates dating;
    private final Direction direction;
    private final Counts counts;
    /** The last action of the sentence being read: "X froze trade with Y, while reserving the right to ..." goes on with it. */
    private Hit lastHitInSentence;

    public Passes(Lexicon lex, Article article, Tokens tokens, boolean keepNonFactual) {
        this.article = article;
        this.t = tokens;
        this.keepNonFactual = keepNonFactual;
        LocalDate published = article.publishedDate();
        Segmentation seg = new Segmentation(tokens, lex, this::mentionAt);
        this.actors = new ActorMentions(tokens, lex, published, seg);
        SpeechActs speech = new SpeechActs(tokens, lex);
        MeasureObjects measureObjects = new MeasureObjects(tokens, lex);
        Framing framing = new Framing(tokens, lex);
        ThreatFrames threatFrames = new ThreatFrames(tokens, lex, this::mentionAt);
        OtherActs otherActs = new OtherActs(tokens, lex, this::mentionAt);
        this.counts = new Counts(tokens, lex, framing, this::mentionAt);
        this.frames = new MeasureFrames(tokens, lex, seg, actors, measureObjects, threatFrames, otherActs);
        this.modalities = new Modalities(tokens, lex, seg, frames, speech, threatFrames);
        this.provocations = new Provocations(tokens, lex, seg, actors, published);
        this.fanOut = new EnumerationFanOut(tokens, lex, seg);
        this.dating = new ActionDates(tokens, lex, seg, provocations, published);
        this.direction = new Direction(tokens, lex, seg, actors, frames, new SideScores(tokens, lex, seg, speech, framing), framing,
                measureObjects, threatFrames);
    }

    public List<ExtractedAction> run() {
        actors.find();
        List<Hit> hits = new ArrayList<>();
        List<Hit> prevHits = List.of();
        for (int s = 0; s < t.sentences; s++) {
            int from = t.sentenceFrom(s);
            int to = t.sentenceTo(s);
            dating.startSentence(s, from, to);
            List<Dates.DateExpr> dates = dating.dates();
            List<Trig> trigs = frames.findTriggers(from, to);
            lastHitInSentence = null;
            List<Hit> sentenceHits = new ArrayList<>();
            for (Trig tr : trigs) {
                if (fanOut.restatesExpulsion(tr, sentenceHits)) {
                    continue;
                }
                Hit h = analyse(tr, s, from, to, trigs);
                if (h != null) {
                    lastHitInSentence = h;
                    sentenceHits.add(h);
                    fanOut.expand(h, sentenceHits);
                }
            }
            provocations.link(s, from, to, trigs, dates, sentenceHits, prevHits, hits);
            dating.endSentence(s, sentenceHits);
            if (!sentenceHits.isEmpty()) {
                prevHits = sentenceHits;
            }
            hits.addAll(sentenceHits);
        }
        dating.resolveUndated(hits);
        return new Merging(article, t).merge(hits);
    }

    /** One trigger, one action: its sides (direction), modality, count and date; null when it makes none. */
    private Hit analyse(Trig tr, int s, int from, int to, List<Trig> all) {
        Direction.Found found = direction.find(tr, s, from, to, all, lastHitInSentence);
        if (found == null) {
            return null;
        }
        Hit h = found.hit();
        double confidence = h.confidence;
        boolean subordinate = modalities.subordinate(found.clauseStart(), from, tr.anchor());
        modalities.classify(h, tr, all, from, to, found.nominal(), subordinate);
        if (!keepNonFactual && (h.modality == Modality.NEGATED || h.modality == Modality.HYPOTHETICAL)) {
            return null;
        }
        h.count = counts.count(tr, all, from, to);
        if (dating.date(h, tr, s, from, to, all)) {
            confidence += 0.1;
        }
        h.confidence = Math.min(0.95, confidence);
        return h;
    }

    private Mention mentionAt(int k) {
        return actors.mentionAt(k);
    }
}
