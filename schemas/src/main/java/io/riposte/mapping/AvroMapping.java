package io.riposte.mapping;

import io.riposte.avro.ActionMention;
import io.riposte.avro.Provenance;
import io.riposte.domain.Action;
import io.riposte.domain.ActionType;
import io.riposte.domain.Alert;
import io.riposte.domain.AlertType;
import io.riposte.domain.Article;
import io.riposte.domain.Chain;
import io.riposte.domain.ChainStatus;
import io.riposte.domain.ChainStep;
import io.riposte.domain.DateBasis;
import io.riposte.domain.DatePrecision;
import io.riposte.domain.Evidence;
import io.riposte.domain.CrossDyadCue;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Link;
import io.riposte.domain.LinkReason;
import io.riposte.domain.Modality;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Exact conversions between the domain records and the generated Avro classes.
 *
 * <p>Domain to Avro to domain gives back an equal record, with two documented exceptions: instants
 * are stored at millisecond precision (the schemas use {@code timestamp-millis}), and the CAMEO,
 * PLOVER and severity fields of an Avro {@code Action} are derived from its type, so they are
 * written but not read back. Enums map by name, so a symbol one side lacks fails loudly here
 * instead of turning into something else.
 */
public final class AvroMapping {
    private AvroMapping() {}

    // ---- Article

    public static Article toDomain(io.riposte.avro.Article a) {
        Objects.requireNonNull(a, "article");
        return new Article(
                a.getId(),
                a.getOrigin(),
                a.getUrl(),
                a.getTitle(),
                a.getBody(),
                a.getPublished(),
                a.getPublished() == null ? DatePrecision.UNKNOWN : enumOf(DatePrecision.class, a.getPublishedPrecision()),
                a.getOutlet(),
                a.getLanguage(),
                a.getIngestedAt());
    }

    public static io.riposte.avro.Article toAvro(Article a) {
        if (a.ingestedAt() == null) {
            throw new IllegalArgumentException("article " + a.id() + " has no ingestion time (required by the schema)");
        }
        return io.riposte.avro.Article.newBuilder()
                .setId(a.id())
                .setOrigin(a.origin())
                .setUrl(a.url())
                .setTitle(a.title())
                .setBody(a.body())
                .setPublished(millis(a.published()))
                .setPublishedPrecision(enumOf(io.riposte.avro.DatePrecision.class, a.publishedPrecision()))
                .setOutlet(a.outlet())
                .setLanguage(a.language())
                .setIngestedAt(millis(a.ingestedAt()))
                .build();
    }

    // ---- ActionMention = ExtractedAction + where its article was read

    public static ActionMention toAvro(ExtractedAction e, Provenance provenance) {
        return ActionMention.newBuilder()
                .setId(e.id())
                .setArticleId(e.articleId())
                .setOrigin(e.origin())
                .setSource(e.source())
                .setTarget(e.target())
                .setType(enumOf(io.riposte.avro.ActionType.class, e.type()))
                .setDate(toAvro(e.date()))
                .setCount(e.count())
                .setModality(enumOf(io.riposte.avro.Modality.class, e.modality()))
                .setConfidence(e.confidence())
                .setEvidence(map(e.evidence(), AvroMapping::toAvro))
                .setRespondsTo(List.copyOf(e.respondsTo()))
                .setCue(e.cue())
                .setCrossSource(e.crossDyad() == null ? null : e.crossDyad().source())
                .setCrossTarget(e.crossDyad() == null ? null : e.crossDyad().target())
                .setCrossKind(e.crossDyad() == null || e.crossDyad().kind() == null ? null
                        : enumOf(io.riposte.avro.ActionType.class, e.crossDyad().kind()))
                .setProvenance(provenance)
                .build();
    }

    public static ExtractedAction toDomain(ActionMention m) {
        Objects.requireNonNull(m, "action mention");
        return new ExtractedAction(
                m.getId(),
                m.getArticleId(),
                m.getOrigin(),
                m.getSource(),
                m.getTarget(),
                enumOf(ActionType.class, m.getType()),
                toDomain(m.getDate()),
                m.getCount(),
                enumOf(Modality.class, m.getModality()),
                m.getConfidence(),
                map(m.getEvidence(), AvroMapping::toDomain),
                List.copyOf(m.getRespondsTo()),
                m.getCue(),
                m.getCrossSource() == null || m.getCrossTarget() == null ? null
                        : new CrossDyadCue(m.getCrossSource(), m.getCrossTarget(),
                                m.getCrossKind() == null ? null : enumOf(ActionType.class, m.getCrossKind())));
    }

    // ---- Action

    public static io.riposte.avro.Action toAvro(Action a) {
        return io.riposte.avro.Action.newBuilder()
                .setId(a.id())
                .setDyad(a.dyad())
                .setSource(a.source())
                .setTarget(a.target())
                .setType(enumOf(io.riposte.avro.ActionType.class, a.type()))
                .setCameo(a.type().cameo())
                .setPloverType(a.type().ploverType())
                .setPloverMode(a.type().ploverMode())
                .setSeverity(a.type().severity())
                .setDate(toAvro(a.date()))
                .setCount(a.count())
                .setModality(enumOf(io.riposte.avro.Modality.class, a.modality()))
                .setConfidence(a.confidence())
                .setArticles(List.copyOf(a.articles()))
                .setEvidence(map(a.evidence(), AvroMapping::toAvro))
                .setRespondsTo(map(a.respondsTo(), AvroMapping::toAvro))
                .setChainId(a.chainId())
                .setEvidenceTotal(a.evidenceTotal())
                .build();
    }

    public static Action toDomain(io.riposte.avro.Action a) {
        List<Evidence> evidence = map(a.getEvidence(), AvroMapping::toDomain);
        return new Action(
                a.getId(),
                a.getDyad(),
                a.getSource(),
                a.getTarget(),
                enumOf(ActionType.class, a.getType()),
                toDomain(a.getDate()),
                a.getCount(),
                enumOf(Modality.class, a.getModality()),
                a.getConfidence(),
                List.copyOf(a.getArticles()),
                evidence,
                map(a.getRespondsTo(), AvroMapping::toDomain),
                a.getChainId(),
                Math.max(a.getEvidenceTotal(), evidence.size()));
    }

    // ---- Chain

    public static io.riposte.avro.Chain toAvro(Chain c) {
        return io.riposte.avro.Chain.newBuilder()
                .setId(c.id())
                .setDyad(c.dyad())
                .setStatus(enumOf(io.riposte.avro.ChainStatus.class, c.status()))
                .setEscalation(c.escalation())
                .setFirstDate(toAvro(c.firstDate()))
                .setLastDate(toAvro(c.lastDate()))
                .setSteps(map(c.steps(), AvroMapping::toAvro))
                .build();
    }

    public static Chain toDomain(io.riposte.avro.Chain c) {
        return new Chain(
                c.getId(),
                c.getDyad(),
                enumOf(ChainStatus.class, c.getStatus()),
                c.getEscalation(),
                toDomain(c.getFirstDate()),
                toDomain(c.getLastDate()),
                map(c.getSteps(), AvroMapping::toDomain));
    }

    static io.riposte.avro.ChainStep toAvro(ChainStep s) {
        return io.riposte.avro.ChainStep.newBuilder()
                .setActionId(s.actionId())
                .setSource(s.source())
                .setTarget(s.target())
                .setType(enumOf(io.riposte.avro.ActionType.class, s.type()))
                .setDate(toAvro(s.date()))
                .setCount(s.count())
                .setRespondsTo(List.copyOf(s.respondsTo()))
                .build();
    }

    public static ChainStep toDomain(io.riposte.avro.ChainStep s) {
        return new ChainStep(
                s.getActionId(),
                s.getSource(),
                s.getTarget(),
                enumOf(ActionType.class, s.getType()),
                toDomain(s.getDate()),
                s.getCount(),
                List.copyOf(s.getRespondsTo()));
    }

    // ---- Alert

    public static io.riposte.avro.Alert toAvro(Alert a) {
        return io.riposte.avro.Alert.newBuilder()
                .setId(a.id())
                .setType(enumOf(io.riposte.avro.AlertType.class, a.type()))
                .setDyad(a.dyad())
                .setChainId(a.chainId())
                .setActionId(a.actionId())
                .setSeverity(a.severity())
                .setActionDate(toAvro(a.actionDate()))
                .setSummary(a.summary())
                .setSource(a.source())
                .setTarget(a.target())
                .setActionType(enumOf(io.riposte.avro.ActionType.class, a.actionType()))
                .setCount(a.count())
                .setChainStep(a.chainStep())
                .setProvocationId(a.provocationId())
                .setArticleOrigins(List.copyOf(a.articleOrigins()))
                .build();
    }

    public static Alert toDomain(io.riposte.avro.Alert a) {
        return new Alert(
                a.getId(),
                enumOf(AlertType.class, a.getType()),
                a.getDyad(),
                a.getChainId(),
                a.getActionId(),
                a.getSeverity(),
                toDomain(a.getActionDate()),
                a.getSummary(),
                a.getSource(),
                a.getTarget(),
                enumOf(ActionType.class, a.getActionType()),
                a.getCount(),
                a.getChainStep(),
                a.getProvocationId(),
                List.copyOf(a.getArticleOrigins()));
    }

    // ---- shared types

    public static io.riposte.avro.FuzzyDate toAvro(FuzzyDate d) {
        FuzzyDate date = d == null ? FuzzyDate.UNKNOWN : d;
        return io.riposte.avro.FuzzyDate.newBuilder()
                .setYear(date.year())
                .setMonth(date.month())
                .setDay(date.day())
                .setPrecision(enumOf(io.riposte.avro.DatePrecision.class, date.precision()))
                .setNote(date.note())
                .setRangeStart(epochDay(date.rangeStart()))
                .setRangeEnd(epochDay(date.rangeEnd()))
                .setBasis(enumOf(io.riposte.avro.DateBasis.class, date.basis()))
                .build();
    }

    public static FuzzyDate toDomain(io.riposte.avro.FuzzyDate d) {
        return new FuzzyDate(d.getYear(), d.getMonth(), d.getDay(), enumOf(DatePrecision.class, d.getPrecision()), d.getNote(),
                day(d.getRangeStart()), day(d.getRangeEnd()), enumOf(DateBasis.class, d.getBasis()));
    }

    private static Integer epochDay(LocalDate d) {
        return d == null ? null : Math.toIntExact(d.toEpochDay());
    }

    private static LocalDate day(Integer epochDay) {
        return epochDay == null ? null : LocalDate.ofEpochDay(epochDay);
    }

    static io.riposte.avro.Evidence toAvro(Evidence e) {
        return io.riposte.avro.Evidence.newBuilder()
                .setArticleId(e.articleId())
                .setOrigin(e.origin())
                .setSentence(e.sentence())
                .setStart(e.start())
                .setEnd(e.end())
                .setDate(e.date() == null ? null : toAvro(e.date()))
                .build();
    }

    static Evidence toDomain(io.riposte.avro.Evidence e) {
        return new Evidence(e.getArticleId(), e.getOrigin(), e.getSentence(), e.getStart(), e.getEnd(),
                e.getDate() == null ? null : toDomain(e.getDate()));
    }

    static io.riposte.avro.Link toAvro(Link l) {
        return io.riposte.avro.Link.newBuilder()
                .setActionId(l.actionId())
                .setReason(enumOf(io.riposte.avro.LinkReason.class, l.reason()))
                .setConfidence(l.confidence())
                .build();
    }

    static Link toDomain(io.riposte.avro.Link l) {
        return new Link(l.getActionId(), enumOf(LinkReason.class, l.getReason()), l.getConfidence());
    }

    // ---- helpers

    private static Instant millis(Instant i) {
        return i == null ? null : i.truncatedTo(ChronoUnit.MILLIS);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, Enum<?> value) {
        return value == null ? null : Enum.valueOf(type, value.name());
    }

    private static <A, B> List<B> map(List<A> in, Function<A, B> f) {
        return in.stream().map(f).toList();
    }
}
