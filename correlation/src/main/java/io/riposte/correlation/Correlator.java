package io.riposte.correlation;

import io.riposte.correlation.EpisodeCache.Episode;
import io.riposte.domain.Action;
import io.riposte.domain.Alert;
import io.riposte.domain.Chain;
import io.riposte.domain.ChainStatus;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The incremental correlation engine: takes one mention at a time ({@link #add}), stores it, recomputes
 * the episode of its dyad it falls in (the pure {@link EpisodeCorrelator}), and returns what changed
 * against what was emitted (a {@link CorrelationUpdate}).
 *
 * <p>Thread-confined: one instance per Kafka Streams task (or per batch), on that task's stores.
 *
 * <p>Order independence: the dated mentions of a dyad fall into episodes, the connected components
 * of their date intervals each widened by {@link CorrelationSettings#linkWindowDays()}: nothing in one
 * episode can merge or link with anything in another, so the batch result over all mentions is the
 * union of per-episode results, each a pure function of its set of mentions. An insert can only grow
 * or join episodes; recomputing the episode(s) the new mention touches therefore reproduces exactly
 * what a batch over everything yields, whatever the arrival order. Mentions without a year form one
 * more episode per dyad (the no-year bucket).
 */
public final class Correlator {

    /**
     * A region to recompute: the whole no-year bucket, or the dated episodes overlapping [lo, hi];
     * {@code episode} is set when the region is exactly one episode (then it may be cached).
     */
    private record Region(boolean noYear, long lo, long hi, List<ExtractedAction> mentions, Episode episode) {

        /** The summary of the episode's last computation, when it comes from the cache. */
        EpisodeSummary prior() {
            return episode == null ? null : episode.summary();
        }

        /** The region's mentions; a cached episode's are listed only when needed (the fast path does not). */
        List<ExtractedAction> all() {
            return mentions != null ? mentions : episode.mentions();
        }
    }

    /** How many mentions the episode cache holds at most, by default (about 10 MB of heap per stream task). */
    public static final int DEFAULT_CACHED_MENTIONS = 10_000;

    private final CorrelationSettings settings;
    private final CorrelationStores stores;
    private final SortedStore<String> book;
    private final UndatedAnchoring anchoring;
    private final ArticleFollowing following;
    private long mentionReads;
    /** The dated episodes the last insert into each recently touched dyad computed (see {@link EpisodeCache}). */
    private final EpisodeCache cache;
    /** Whether a report that provably joins one action of a cached episode skips the recomputation (see {@link EpisodeSummary}). */
    private final boolean fastPath;
    private final EpisodeSummary.Work work = new EpisodeSummary.Work();
    private final MentionMerger merger;
    private final BuiltActions built;

    public Correlator(CorrelationSettings settings, CorrelationStores stores) {
        this(settings, stores, DEFAULT_CACHED_MENTIONS);
    }

    /** @param cachedMentions how many mentions the episode cache may hold (0: none, every insert reads its episode) */
    public Correlator(CorrelationSettings settings, CorrelationStores stores, int cachedMentions) {
        this(settings, stores, cachedMentions, !Boolean.getBoolean("riposte.noFastPath"));
    }

    /**
     * @param fastPath whether a report that provably joins one action of a cached episode updates that
     *     action alone (false: every insert recomputes its episode; the reference the fast path is tested against)
     */
    public Correlator(CorrelationSettings settings, CorrelationStores stores, int cachedMentions, boolean fastPath) {
        this.fastPath = fastPath;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.book = stores.index();
        this.built = new BuiltActions(cachedMentions); // about as many reports as the episode cache, mostly the same ones
        this.merger = new MentionMerger(this.settings, built);
        this.following = new ArticleFollowing(book, this::readMention);
        this.anchoring = new UndatedAnchoring(this.settings, book, this::readMention, following);
        this.cache = new EpisodeCache(cachedMentions);
    }

    /** Actions of recomputed episodes whose build was reused, and those built again (see {@link BuiltActions}). */
    public long[] buildsReusedAndMade() {
        return new long[] {built.hits(), built.misses()};
    }

    /** Inserts that took the fast path so far (see {@link EpisodeSummary#join}). */
    public long fastJoins() {
        return work.joins;
    }

    /** Why inserts into cached episodes did not take the fast path so far: the rule that failed, by count. */
    public Map<String, Long> fastPathFallbacks() {
        return java.util.Collections.unmodifiableMap(work.fallbacks);
    }

    /** Fast-path inserts that rebuilt their action from all its reports (the new report moved its date, count or evidence order). */
    public long fastRebuilds() {
        return work.rebuilt;
    }

    /** Reports of joined actions the fast path visited so far (to rebuild them; a cost measure). */
    public long membersVisited() {
        return work.membersVisited;
    }

    /** Mentions read from the mention store so far (a cost measure for tests and benchmarks). */
    public long mentionReads() {
        return mentionReads;
    }

    /**
     * Adds one mention and returns what changed. Re-adding an identical mention changes nothing; a
     * mention with a known id and new content replaces the old one.
     *
     * @throws IllegalArgumentException when the mention cannot be correlated (same source and target,
     *     codes that are not three letters, an id unfit for a store key); nothing is stored then
     */
    public CorrelationUpdate add(ExtractedAction input) {
        MentionInput.validate(input);
        ExtractedAction mention = MentionInput.normalize(input);
        String dyad = mention.dyad();
        String key = Keys.mentionKey(mention);
        List<RecomputeSeed> seeds = new ArrayList<>();

        String oldEntry = book.get(Keys.mentionIndex(mention.id()));
        String oldKey = Keys.keyOfEntry(oldEntry);
        ExtractedAction previous = oldKey == null ? null : stores.mentions().get(oldKey);
        if (previous != null && previous.equals(mention) && oldKey.equals(key)) {
            return new CorrelationUpdate(List.of(), List.of(), List.of(), List.of(), List.of());
        }
        List<Episode> known = cache.take(dyad);
        if (previous != null) {
            cache.take(previous.dyad()); // even one that throws below has changed the old dyad's stores
        }
        // a revision that keeps the date's days leaves every episode's span as it was
        boolean sameDays = oldKey == null || previous != null && oldKey.equals(key) && previous.date().hasYear()
                && previous.date().earliest().equals(mention.date().earliest())
                && previous.date().latest().equals(mention.date().latest());
        if (oldKey != null) {
            stores.mentions().delete(oldKey);
            if (previous != null) {
                for (String ref : previous.respondsTo()) {
                    book.delete(Keys.referrer(ref, previous.id()));
                }
                anchoring.unindex(previous, oldKey, seeds);
                following.unindex(previous, seeds);
                if (!previous.dyad().equals(dyad)) {
                    throw new IllegalArgumentException("mention " + mention.id() + " changed dyad from "
                            + previous.dyad() + " to " + dyad + "; ids must be derived from content");
                }
                seeds.add(RecomputeSeed.of(previous));
            }
        }
        Long oldLatest = Keys.parseDay(book.get(Keys.latest(dyad)));
        Long latest = oldLatest;
        if (mention.date().hasYear() && MentionMerger.canFound(mention)) {
            long e = mention.date().earliest().toEpochDay();
            if (latest == null || e > latest) {
                latest = e;
                book.put(Keys.latest(dyad), Keys.day(e));
            }
        }
        stores.mentions().put(key, mention);
        book.put(Keys.mentionIndex(mention.id()), Keys.mentionEntry(key, oldEntry)); // a revision keeps its markers
        anchoring.index(mention, key, seeds);
        following.index(mention, key, seeds);
        if (latest != null && !latest.equals(oldLatest)) {
            anchoring.reanchorByKind(Keys.floatingKinds(dyad), seeds); // anchoring by kind looks only near the latest date
        }
        for (String ref : mention.respondsTo()) {
            book.put(Keys.referrer(ref, mention.id()), key);
        }
        if (!seeds.contains(RecomputeSeed.of(mention)) && following.placeOf(mention) == null) {
            seeds.add(RecomputeSeed.of(mention));
        }

        // Mentions whose explicit cue cites this one resolve it while computing their own episode,
        // which may lie elsewhere (an undated recall, a far-off date): recompute them too.
        for (Map.Entry<String, String> ref : book.range(Keys.referrersFrom(mention.id()), Keys.referrersEnd(mention.id()))) {
            ExtractedAction s = readMention(ref.getValue());
            if (s != null && s.dyad().equals(dyad) && s.respondsTo().contains(mention.id())) {
                // an anchored undated report is computed in its anchor's episode, not the no-year bucket
                String anchor = s.date().hasYear() ? null : following.placeOf(s);
                ExtractedAction placed = anchor == null ? null : readMention(anchor);
                seeds.add(RecomputeSeed.of(placed != null ? placed : s));
            }
        }

        Episode cachedEpisode = sameDays && seeds.size() == 1 && seeds.get(0).equals(RecomputeSeed.of(mention)) && mention.date().hasYear()
                ? EpisodeCache.within(known, mention.date().earliest().toEpochDay(),
                        mention.date().latest().toEpochDay() + settings.episodeGapDays(), key, mention, oldKey != null,
                        (from, through) -> stores.mentions().hasAny(Keys.datedFrom(dyad, from), Keys.datedThrough(dyad, through))) : null;
        Region inKnown = cachedEpisode == null ? null : new Region(false, cachedEpisode.spanLo(), cachedEpisode.spanHi(), null, cachedEpisode);
        if (oldKey == null && seeds.equals(List.of(RecomputeSeed.NO_YEAR)) && !mention.date().hasYear() && following.placeOf(mention) == null) {
            Episode bucket = EpisodeCache.inNoYear(known, key, mention);
            inKnown = bucket == null ? null : new Region(true, 0, 0, new ArrayList<>(bucket.dated()), bucket);
        }
        // Otherwise each seed's episode, read from the stores unless a cached one holds it and this insert leaves
        // its dated mentions known: an undated report placed in its anchor's episode, one re-anchored from one
        // episode to another, a new latest date re-anchoring the reports anchored by kind (several seeds).
        List<Region> regions = inKnown != null ? List.of(inKnown)
                : regions(dyad, seeds, known, ep -> EpisodeCache.afterInsert(ep, settings.episodeGapDays(), key, mention,
                        previous, oldKey != null, sameDays), mention.id());
        EpisodeCorrelator episode = new EpisodeCorrelator(merger, settings, this::lookup, true);
        List<Action> upsertedActions = new ArrayList<>();
        Set<String> deletedActions = new java.util.TreeSet<>();
        List<Chain> upsertedChains = new ArrayList<>();
        Set<String> deletedChains = new java.util.TreeSet<>();
        Set<String> recomputedChains = new HashSet<>();
        Map<String, Action> regionActions = new HashMap<>();
        Map<String, List<String>> mentionIds = new HashMap<>();
        Map<String, String> carriedOut = new HashMap<>();
        List<Chain> regionChains = new ArrayList<>();

        Map<Region, EpisodeSummary> summaries = new java.util.IdentityHashMap<>();
        Map<String, String> joined = new HashMap<>();
        List<Episode> computed = new ArrayList<>();
        List<StoredRange<Chain>> chainCopies = new ArrayList<>();
        for (Region r : regions) {
            String[] joinedAction = new String[1];
            EpisodeSummary summary = fastPath && r.prior() != null
                    ? r.prior().join(mention, oldKey == null ? null : previous, latest, merger, settings, dyad, work, joinedAction) : null;
            EpisodeCorrelator.Result res;
            if (summary != null) {
                res = summary.result();
                joined.put(joinedAction[0], mention.id());
            } else {
                res = correlate(episode, r, dyad, latest);
                summary = r.episode() == null || r.noYear() ? null : EpisodeSummary.of(res, r.all(), latest);
            }
            if (summary != null) {
                summaries.put(r, summary);
            }
            mentionIds.putAll(res.mentionIdsByAction());
            carriedOut.putAll(res.carriedOut());
            // actions: what the range holds, from the cached episode when it knows (no read), else read
            String from = r.noYear() ? Keys.noYearFrom(dyad) : Keys.datedFrom(dyad, r.lo());
            String to = r.noYear() ? Keys.noYearEnd(dyad) : Keys.datedThrough(dyad, r.hi());
            Episode ep = r.episode();
            StoredRange<Action> storedActions = ep == null || ep.actions() == null || !ep.actions().covers(from, ep.actions().to())
                    ? null : ep.actions().extendedTo(stores.actions(), to); // a grown span reads the days added
            storedActions = storedActions != null ? storedActions : StoredRange.read(stores.actions(), from, to);
            Map<String, Map.Entry<String, Action>> old = new HashMap<>();
            for (Map.Entry<String, Action> e : storedActions.entries()) {
                old.put(e.getValue().id(), Map.entry(e.getKey(), e.getValue())); // a copy: the range changes below
            }
            for (Action a : res.actions()) {
                regionActions.put(a.id(), a);
                // a follower (see ArticleFollowing) is kept in its episode's days, not the no-year bucket's
                String k = r.noYear() || a.date().hasYear() ? actionKey(a) : Keys.dated(dyad, r.lo(), a.id());
                Map.Entry<String, Action> prev = old.remove(a.id());
                if (prev != null && prev.getKey().equals(k) && prev.getValue().equals(a)) {
                    continue;
                }
                if (prev != null && !prev.getKey().equals(k)) {
                    storedActions.delete(stores.actions(), prev.getKey());
                }
                storedActions.put(stores.actions(), k, a);
                upsertedActions.add(a);
            }
            for (Map.Entry<String, Action> gone : old.values()) {
                storedActions.delete(stores.actions(), gone.getKey());
                deletedActions.add(gone.getValue().id());
            }
            // chains
            StoredRange<Chain> storedChains = ep == null || ep.chains() == null || !ep.chains().covers(from, ep.chains().to())
                    ? null : ep.chains().extendedTo(stores.chains(), to);
            storedChains = storedChains != null ? storedChains : StoredRange.read(stores.chains(), from, to);
            chainCopies.add(storedChains);
            Map<String, Map.Entry<String, Chain>> oldChains = new HashMap<>();
            for (Map.Entry<String, Chain> e : storedChains.entries()) {
                oldChains.put(e.getValue().id(), Map.entry(e.getKey(), e.getValue()));
            }
            for (Chain c : res.chains()) {
                regionChains.add(c);
                recomputedChains.add(c.id());
                Long day = res.chainKeyDays().get(c.id());
                String k = r.noYear() ? Keys.noYear(dyad, c.id()) : Keys.dated(dyad, day == null ? r.lo() : day, c.id());
                Map.Entry<String, Chain> prev = oldChains.remove(c.id());
                if (prev != null && prev.getKey().equals(k) && prev.getValue().equals(c)) {
                    continue;
                }
                if (prev != null && !prev.getKey().equals(k)) {
                    storedChains.delete(stores.chains(), prev.getKey());
                }
                storedChains.put(stores.chains(), k, c);
                upsertedChains.add(c);
            }
            for (Map.Entry<String, Chain> gone : oldChains.values()) {
                storedChains.delete(stores.chains(), gone.getKey());
                deletedChains.add(gone.getValue().id());
            }
            if (ep != null && r.noYear()) {
                computed.add(ep.computed(null, storedActions, storedChains));
            } else if (ep != null && summary != null) {
                // the stores over the episode's span, as this insert left them (its range contains that span)
                String spanFrom = Keys.datedFrom(dyad, ep.spanLo());
                String spanTo = Keys.datedThrough(dyad, ep.spanHi());
                computed.add(ep.computed(summary, storedActions.narrowed(spanFrom, spanTo), storedChains.narrowed(spanFrom, spanTo)));
            }
        }

        // A later action elsewhere in the dyad may have made older chains dormant.
        if (latest != null && oldLatest != null && latest > oldLatest) {
            long from = oldLatest - settings.dormancyDays() - 1;
            long through = latest - settings.dormancyDays() - 1;
            for (Map.Entry<String, Chain> e : stores.chains().range(Keys.datedFrom(dyad, from), Keys.datedThrough(dyad, through))) {
                Chain c = e.getValue();
                if (c.status() == ChainStatus.ACTIVE && !recomputedChains.contains(c.id())) {
                    Chain dormant = new Chain(c.id(), c.dyad(), ChainStatus.DORMANT, c.escalation(), c.firstDate(), c.lastDate(), c.steps());
                    // a recomputed region's chains are all in recomputedChains, so no copy holds this key; kept exact anyway
                    StoredRange<Chain> copy = chainCopies.stream().filter(x -> x.holds(e.getKey())).findFirst().orElse(null);
                    if (copy != null) {
                        copy.put(stores.chains(), e.getKey(), dormant);
                    } else {
                        stores.chains().put(e.getKey(), dormant);
                    }
                    upsertedChains.add(dormant);
                }
            }
        }

        deletedActions.removeAll(ids(upsertedActions));
        deletedChains.removeAll(upsertedChains.stream().map(Chain::id).toList());
        // what alerts marked is known only of a lone episode (an action id then names one action)
        EpisodeSummary only = summaries.size() == 1 && regions.size() == 1 ? summaries.values().iterator().next() : null;
        Alerts alerting = new Alerts(book, regionActions, mentionIds, carriedOut, regionChains, joined,
                id -> only == null ? Set.of() : only.marked(id));
        List<Alert> alerts = alerting.forChanges(upsertedActions, upsertedChains);
        if (only != null) {
            only.alerted(joined.keySet(), alerting.markedAll());
        }
        if (regions.stream().noneMatch(Region::noYear)) {
            // an insert that changes which mentions the no-year bucket holds recomputes it (seeds it), so a
            // bucket this one did not recompute stands as it was (its stores are written only by its recomputation)
            known.stream().filter(Episode::noYear).findFirst().ifPresent(computed::add);
        }
        // the dyad's other cached episodes stand where this insert wrote nothing (a dyad with two live episodes)
        List<long[]> written = new ArrayList<>();
        regions.stream().filter(r -> !r.noYear()).forEach(r -> written.add(new long[] {r.lo(), r.hi()}));
        computed.addAll(EpisodeCache.untouched(known, written, previous == null ? List.of(mention) : List.of(mention, previous),
                oldLatest, latest, settings));
        cache.keep(dyad, computed);
        return new CorrelationUpdate(upsertedActions, List.copyOf(deletedActions), upsertedChains,
                List.copyOf(deletedChains), alerts);
    }

    private EpisodeCorrelator.Result correlate(EpisodeCorrelator episode, Region r, String dyad, Long latest) {
        List<ExtractedAction> all = r.all();
        Set<String> followers = r.noYear() ? Set.of() : all.stream()
                .filter(m -> !m.date().hasYear() && book.get(Keys.anchorOf(m.id())) == null).map(ExtractedAction::id).collect(java.util.stream.Collectors.toSet());
        return episode.correlate(dyad, all, latest, r.noYear(), followers);
    }

    /**
     * The full list of reports of the action stored under {@code actionKey}, which carries only its first
     * {@link Action#SHOWN_EVIDENCE}: its episode recomputed from the stored mentions, as an insert would (nothing is
     * written). Null when that episode no longer computes an action of that id (the stores moved on).
     */
    public List<Evidence> allEvidence(String actionKey, Action a) {
        String dated = a.dyad() + "|D|";
        RecomputeSeed seed = RecomputeSeed.NO_YEAR;
        if (actionKey.startsWith(dated)) {
            long day = Keys.parseDay(actionKey.substring(dated.length(), dated.length() + 8));
            seed = new RecomputeSeed(false, day, day);
        }
        Long latest = Keys.parseDay(book.get(Keys.latest(a.dyad())));
        EpisodeCorrelator episode = new EpisodeCorrelator(merger, settings, this::lookup, true);
        for (Region r : regions(a.dyad(), List.of(seed), List.of(), ep -> null, null)) {
            for (MergedAction p : correlate(episode, r, a.dyad(), latest).merged()) {
                if (p.id.equals(a.id())) {
                    return p.evidence;
                }
            }
        }
        return null;
    }

    private static Set<String> ids(Collection<Action> actions) {
        Set<String> s = new HashSet<>();
        for (Action a : actions) {
            s.add(a.id());
        }
        return s;
    }

    static String actionKey(Action a) {
        return a.date().hasYear()
                ? Keys.dated(a.dyad(), a.date().earliest().toEpochDay(), a.id())
                : Keys.noYear(a.dyad(), a.id());
    }

    private ExtractedAction readMention(String key) {
        mentionReads++;
        return stores.mentions().get(key);
    }

    private ExtractedAction lookup(String mentionId) {
        Keys.requireKeySafe("responds_to id", mentionId);
        String key = Keys.keyOfEntry(book.get(Keys.mentionIndex(mentionId)));
        return key == null ? null : readMention(key);
    }


    /**
     * The regions to recompute: dated seeds grow to whole episodes; overlapping regions are joined. A seed
     * whose days a cached episode of {@code known} holds is that episode, when {@code afterInsert} gives its
     * dated mentions as they now stand (see {@link EpisodeCache#afterInsert}). The undated reports anchored to
     * it are listed again from the index, and read only when new to it or the one inserted ({@code insertedId}):
     * an insert that changes a report recomputes the episode it is anchored to, so the cached copies are current.
     */
    private List<Region> regions(String dyad, List<RecomputeSeed> seeds, List<Episode> known,
            java.util.function.UnaryOperator<Episode> afterInsert, String insertedId) {
        List<Region> out = new ArrayList<>();
        boolean noYear = false;
        List<long[]> intervals = new ArrayList<>();
        for (RecomputeSeed s : seeds) {
            if (s.noYear()) {
                noYear = true;
            } else {
                intervals.add(new long[] {s.a(), s.b()});
            }
        }
        if (noYear) {
            List<Map.Entry<String, ExtractedAction>> all = stores.mentions().range(Keys.noYearFrom(dyad), Keys.noYearEnd(dyad));
            mentionReads += all.size();
            List<ExtractedAction> free = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (Map.Entry<String, ExtractedAction> e : all) {
                if (following.placeOf(e.getValue()) == null) {
                    free.add(e.getValue());
                    keys.add(e.getKey());
                }
            }
            out.add(new Region(true, 0, 0, free, Episode.noYearBucket(keys, new ArrayList<>(free))));
        }
        List<Region> dated = new ArrayList<>();
        for (long[] iv : intervals) {
            Episode held = EpisodeCache.holding(known, iv[0], iv[1] + settings.episodeGapDays());
            Episode now = held == null ? null : afterInsert.apply(held);
            if (now == null) {
                dated.add(episodeAround(dyad, iv[0], iv[1]));
            } else {
                // the undated reports anchored to it are listed again (seeds say that they moved), its summary dropped
                Map<String, ExtractedAction> current = new HashMap<>();
                now.anchored().stream().filter(u -> !u.id().equals(insertedId)).forEach(u -> current.put(u.id(), u));
                Episode placed = new Episode(false, now.spanLo(), now.spanHi(), now.keys(), now.dated(),
                        anchoredTo(now.keys(), now.dated(), current), null, now.actions(), now.chains());
                dated.add(new Region(false, placed.spanLo(), placed.spanHi(), placed.mentions(), placed));
            }
        }
        boolean joined = true;
        while (joined) {
            joined = false;
            outer:
            for (int i = 0; i < dated.size(); i++) {
                for (int j = i + 1; j < dated.size(); j++) {
                    Region x = dated.get(i);
                    Region y = dated.get(j);
                    if (x.lo() <= y.hi() && y.lo() <= x.hi()) {
                        if (x.lo() == y.lo() && x.hi() == y.hi()) {
                            dated.remove(j);
                        } else {
                            Region z = episodeAround(dyad, Math.min(x.lo(), y.lo()), Math.max(x.hi(), y.hi()) - settings.episodeGapDays());
                            dated.remove(j);
                            dated.set(i, z);
                        }
                        joined = true;
                        break outer;
                    }
                }
            }
        }
        out.addAll(dated);
        return out;
    }

    /**
     * The dated episodes whose widened intervals overlap [a, b + gap]: found by range scans that grow
     * until no mention outside them can touch them. Reads only those episodes and a margin of
     * gap + 366 days (the longest date interval, a year) to their left.
     */
    private Region episodeAround(String dyad, long a, long b) {
        long gap = settings.episodeGapDays();
        long scanLo = a - gap - 366;
        long scanHi = b + gap;
        List<Map.Entry<String, ExtractedAction>> loaded = new ArrayList<>(load(dyad, scanLo, scanHi));
        while (true) {
            // Sweep the loaded mentions in date order into components of [e, l + gap].
            long lo = a;
            long hi = b + gap;
            List<Map.Entry<String, ExtractedAction>> selected = new ArrayList<>();
            int components = 0;
            long spanLo = 0;
            long spanHi = 0;
            List<Map.Entry<String, ExtractedAction>> current = new ArrayList<>();
            long curLo = Long.MIN_VALUE;
            long curHi = Long.MIN_VALUE;
            List<Object[]> comps = new ArrayList<>();
            for (Map.Entry<String, ExtractedAction> entry : loaded) {
                ExtractedAction m = entry.getValue();
                long e = m.date().earliest().toEpochDay();
                long l = m.date().latest().toEpochDay() + gap;
                if (current.isEmpty() || e > curHi) {
                    if (!current.isEmpty()) {
                        comps.add(new Object[] {curLo, curHi, current});
                    }
                    current = new ArrayList<>();
                    curLo = e;
                    curHi = l;
                }
                current.add(entry);
                curHi = Math.max(curHi, l);
            }
            if (!current.isEmpty()) {
                comps.add(new Object[] {curLo, curHi, current});
            }
            for (Object[] c : comps) {
                long cLo = (Long) c[0];
                long cHi = (Long) c[1];
                if (cLo <= b + gap && cHi >= a) {
                    @SuppressWarnings("unchecked")
                    List<Map.Entry<String, ExtractedAction>> members = (List<Map.Entry<String, ExtractedAction>>) c[2];
                    selected.addAll(members);
                    components++;
                    spanLo = cLo;
                    spanHi = cHi;
                    lo = Math.min(lo, cLo);
                    hi = Math.max(hi, cHi);
                }
            }
            long needLo = lo - gap - 366;
            boolean grew = false;
            if (needLo < scanLo) {
                List<Map.Entry<String, ExtractedAction>> before = load(dyad, needLo, scanLo - 1);
                if (!loaded.isEmpty()) {
                    // days are clamped at the limits of keys, where ranges may meet: keep only new keys
                    String first = loaded.get(0).getKey();
                    before = before.stream().filter(e -> e.getKey().compareTo(first) < 0).toList();
                }
                loaded.addAll(0, before);
                scanLo = needLo;
                grew = true;
            }
            if (hi > scanHi) {
                List<Map.Entry<String, ExtractedAction>> after = load(dyad, scanHi + 1, hi);
                if (!loaded.isEmpty()) {
                    String last = loaded.get(loaded.size() - 1).getKey();
                    after = after.stream().filter(e -> e.getKey().compareTo(last) > 0).toList();
                }
                loaded.addAll(after);
                scanHi = hi;
                grew = true;
            }
            if (!grew) {
                // undated reports of these actions (see UndatedAnchoring) are part of the episode
                List<ExtractedAction> dated = new ArrayList<>(selected.size());
                List<String> keys = new ArrayList<>(selected.size());
                for (Map.Entry<String, ExtractedAction> e : selected) {
                    keys.add(e.getKey());
                    dated.add(e.getValue());
                }
                List<ExtractedAction> anchored = anchoredTo(keys, dated, Map.of());
                Episode episode = new Episode(spanLo, spanHi, keys, dated, anchored);
                return new Region(false, lo, hi, episode.mentions(), components == 1 ? episode : null);
            }
        }
    }

    /**
     * The undated mentions anchored to these dated ones (keys and mentions in key order), in the order a
     * load lists them: by anchor, each followed by the reports that follow it (see {@link ArticleFollowing}).
     * Those in {@code current} (by id, as the stores hold them) are not read again.
     */
    private List<ExtractedAction> anchoredTo(List<String> keys, List<ExtractedAction> dated, Map<String, ExtractedAction> current) {
        List<ExtractedAction> anchored = new ArrayList<>();
        // Only a participating mention anchors, and only undated mentions of its sides and type,
        // which stay indexed as floating while anchored: one look per kind of act spares the
        // look-up of every mention when the dyad has no such report (the common case).
        Map<List<Object>, Boolean> floating = new HashMap<>();
        for (int i = 0; i < dated.size(); i++) {
            ExtractedAction y = dated.get(i);
            if (!MentionMerger.participates(y) || !floating.computeIfAbsent(List.of(y.source(), y.target(), MentionMerger.effectiveType(y)),
                    k -> book.hasAny(Keys.floating(y), Keys.endOf(Keys.floating(y))))) {
                continue;
            }
            String to = Keys.anchoredTo(y.id());
            for (Map.Entry<String, String> x : book.range(to, Keys.endOf(to))) {
                ExtractedAction m = current.get(x.getKey().substring(to.length()));
                m = m != null ? m : readMention(x.getValue());
                if (m != null) {
                    anchored.add(m);
                    following.followers(m, keys.get(i)).stream().filter(f -> !anchored.contains(f)).forEach(anchored::add);
                }
            }
        }
        return anchored;
    }

    /** The dated mentions of these days, in key order (so loads of adjacent days concatenate in order). */
    private List<Map.Entry<String, ExtractedAction>> load(String dyad, long fromDay, long throughDay) {
        List<Map.Entry<String, ExtractedAction>> r = stores.mentions().range(Keys.datedFrom(dyad, fromDay), Keys.datedThrough(dyad, throughDay));
        mentionReads += r.size();
        return r;
    }
}
