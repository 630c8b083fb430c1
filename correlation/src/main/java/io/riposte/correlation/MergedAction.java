package io.riposte.correlation;

import static io.riposte.correlation.ActionDates.datedAfterAnother;
import static io.riposte.correlation.ActionDates.datesCompatible;
import static io.riposte.correlation.ActionDates.mergeKey;
import static io.riposte.correlation.ActionDates.positionOf;
import static io.riposte.correlation.MentionMerger.effectiveType;

import io.riposte.domain.Action;
import io.riposte.domain.ActionType;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Link;
import io.riposte.domain.Modality;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An action of an episode as merging, linking and chaining build it, before it becomes an {@link io.riposte.domain.Action}. */
final class MergedAction {
    final String source;
    final String target;
    final ActionType type;
    final List<ExtractedAction> members;
    Integer clusterCount;
    final TimelinePosition anchorPosition;
    final int index;
    // filled by build()
    String id;
    /** The date merging and linking work with (a publication-month fallback widened to its year). */
    FuzzyDate workingDate;
    /** The date the action is published with: the most precise its reports give ({@link ActionDates#shownDate}). */
    FuzzyDate shownDate;
    TimelinePosition position;
    /** Where the action sits for ordering: {@link #position} narrowed by the days its reports say it may denote. */
    TimelinePosition orderingPosition;
    Integer count;
    Modality modality;
    double confidence;
    List<String> articles;
    List<Evidence> evidence;
    final List<Link> links = new ArrayList<>();
    String chainId;
    MergedAction carriesOut;
    /** Named by a cue, in the sentence of the act that answers it: a cited act, not the undated news of the day. */
    boolean citedByCue;
    /**
     * The distinct dates of the members, notes dropped: whether a report's date fits every member
     * ({@link #datesCompatible}) reads nothing else, so checking these is checking every member.
     */
    final List<FuzzyDate> memberDates;
    private final Set<FuzzyDate> memberDateSet;
    /** Whether a date fits all of {@link #memberDates}, memoised until a new distinct date joins. */
    final Map<FuzzyDate, Boolean> fitsByDate;
    /** Whether a member was dated relative to an earlier act (a key of {@link TimelineOrder#ORDER}). */
    boolean datedAfter;
    /** Founded by a follower ({@link ArticleFollowing}): takes only other followers. */
    boolean followed;

    /** The best confidence of each article's reports, by article id (see {@link MentionMerger#build}). */
    java.util.TreeMap<String, Double> bestByArticle;
    /** How many members are told as news, not recalled in the background. */
    int told;

    MergedAction(ExtractedAction anchor, int index) {
        this.members = new ArrayList<>();
        this.memberDates = new ArrayList<>();
        this.memberDateSet = new HashSet<>();
        this.fitsByDate = new HashMap<>();
        this.source = anchor.source();
        this.target = anchor.target();
        this.type = effectiveType(anchor);
        this.anchorPosition = positionOf(anchor.date());
        this.index = index;
        add(anchor);
    }

    /**
     * The successor of {@code old} with these members, which add to old's only m, whose merge date old
     * already holds ({@link EpisodeSummary#join}): it takes over old's sets of dates; old is not used again.
     */
    MergedAction(MergedAction old, List<ExtractedAction> members, ExtractedAction m) {
        this.members = members;
        this.memberDates = old.memberDates;
        this.memberDateSet = old.memberDateSet;
        this.fitsByDate = old.fitsByDate;
        this.source = old.source;
        this.target = old.target;
        this.type = old.type;
        this.anchorPosition = members.get(0) == m ? positionOf(m.date()) : old.anchorPosition;
        this.index = old.index;
        this.clusterCount = old.clusterCount != null ? old.clusterCount : m.count();
        this.datedAfter = old.datedAfter || datedAfterAnother(m.date());
    }

    void add(ExtractedAction m) {
        members.add(m);
        if (clusterCount == null && m.count() != null) {
            clusterCount = m.count();
        }
        FuzzyDate d = mergeKey(m.date());
        if (memberDateSet.add(d)) {
            memberDates.add(d);
            fitsByDate.clear();
        }
        datedAfter |= datedAfterAnother(m.date());
    }

    /** Whether a report dated {@code d} may join: its date fits every member's (see {@link #datesCompatible}). */
    boolean fitsDates(FuzzyDate d, int slack, boolean noYear) {
        Boolean ok = fitsByDate.get(d);
        if (ok == null) {
            ok = true;
            for (FuzzyDate o : memberDates) {
                if (!datesCompatible(d, o, slack, noYear)) {
                    ok = false;
                    break;
                }
            }
            fitsByDate.put(d, ok);
        }
        return ok;
    }

    /** Hostile and not a threat: a measure, a summons, or any other unfriendly act (OTHER). */
    boolean measure() {
        return type.severity() < 0 && type != ActionType.THREATEN_RETALIATION;
    }

    /** A hostile measure proper (not OTHER): what carries out a threat. */
    boolean hostile() {
        return type.isHostileMeasure();
    }

    /** Anything unfriendly, threats included: what a threat may answer. */
    boolean contentious() {
        return type.severity() < 0;
    }

    boolean threat() {
        return type == ActionType.THREATEN_RETALIATION;
    }
}
