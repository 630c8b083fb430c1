package io.riposte.extraction.internal;

import io.riposte.domain.ActionType;
import io.riposte.domain.Article;
import io.riposte.domain.DateBasis;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Modality;
import io.riposte.extraction.internal.Lexicon.ActorEntry;
import io.riposte.extraction.internal.Lexicon.ActorKind;
import io.riposte.extraction.internal.Lexicon.Phrase;
import io.riposte.extraction.internal.Lexicon.TriggerDef;
import io.riposte.extraction.internal.Mention.Role;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rule-based extraction engine: one instance per article (not thread-safe; the extractor makes
 * a new one per call). See extraction/README.md for the rules.
 */
public final class Engine {

    private static final boolean DEBUG = System.getenv("RIPOSTE_DEBUG") != null;
    private final Lexicon lex;
    private final Article article;
    private final Tokens t;
    private final LocalDate published;
    private final boolean keepNonFactual;
    private final Segmentation seg;
    private final ActorMentions actors;
    private final MeasureFrames frames;
    private final Modalities modalities;
    private final Provocations provocations;
    private final EnumerationFanOut fanOut;
    private final ActionDates dating;
    private final Direction direction;
    private final SpeechActs speech;
    private Hit lastHitInSentence;
    private final MeasureObjects measureObjects;
    private final Framing framing;
    private final Counts counts;
    private final ThreatFrames threatFrames;
    private final OtherActs otherActs;


    public Engine(Lexicon lex, Article article, Tokens tokens, boolean keepNonFactual) {
        this.lex = lex;
        this.article = article;
        this.t = tokens;
        this.published = article.publishedDate();
        this.keepNonFactual = keepNonFactual;
        this.seg = new Segmentation(tokens, lex, this::mentionAt);
        this.actors = new ActorMentions(tokens, lex, published, seg);
        this.speech = new SpeechActs(tokens, lex);
        this.measureObjects = new MeasureObjects(tokens, lex);
        this.framing = new Framing(tokens);
        this.threatFrames = new ThreatFrames(tokens, lex, this::mentionAt);
        this.otherActs = new OtherActs(tokens, lex, this::mentionAt);
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


    // ------------------------------------------------------------------ actors

    // ------------------------------------------------------------------ triggers

    // ------------------------------------------------------------------ one trigger -> one hit

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


    // ------------------------------------------------------------------ counts


    // ------------------------------------------------------------------ merging and links


    // ------------------------------------------------------------------ small helpers

    private Mention mentionAt(int k) {
        return actors.mentionAt(k);
    }
}
