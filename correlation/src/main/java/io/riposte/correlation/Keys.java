package io.riposte.correlation;

import io.riposte.domain.ExtractedAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The composite ASCII keys of the correlation stores. Byte order equals string order, so a range
 * over {@code dyad|D|day} walks a dyad's timeline in date order.
 *
 * <pre>
 * mentions  dyad|D|dddddddd|mentionId      dated mentions, day = first day the date may denote
 *           dyad|N|mentionId               mentions whose year is unknown (no-year bucket)
 * actions   dyad|D|dddddddd|actionId       day = first day of the action's (most precise) date
 *           dyad|N|actionId
 * chains    dyad|D|dddddddd|chainId        day = first day of the chain's latest step
 *           dyad|N|chainId
 * index     alert|alertId                  -> summary of an alert already emitted
 *  (general meta|dyad|latest               -> day of the dyad's latest known action
 *  index)   mid|mentionId                  -> key of the mention (to find it by id), then, after a space,
 *                                             the alert types already announced for its action
 *                                             (comma-separated; see {@link #mentionEntry})
 *           ref|citedId|mentionId          -> key of a mention whose explicit cue cites citedId
 *           anc|dyad|src|tgt|type|cN|key   -> key: a dated mention by count (key = its mention key)
 *           anc|dyad|src|tgt|type|mMM|key  -> key: a dated mention by month
 *           flo|dyad|src|tgt|type|cN|id    -> key: an undated mention that states a count
 *           flo|dyad|src|tgt|type|mMM|id   -> key: an undated mention that states a month
 *           anc|dyad|src|tgt|type|k|key    -> key: a dated measure with neither count nor month (the
 *                                             others are found by kind under their count or month)
 *           flo|dyad|src|tgt|type|k|id     -> key: an undated measure with neither count nor month
 *           flk|dyad|id                    -> key: the same, for the whole dyad
 *           fanc|mentionId                 -> key of the dated mention an undated one is anchored to
 *           fat|datedId|undatedId          -> key of an undated mention anchored to datedId
 * </pre>
 *
 * Days are epoch days plus {@link #DAY_OFFSET}, written on 8 digits so they sort as numbers.
 */
final class Keys {

    static final long DAY_OFFSET = 10_000_000L;
    private static final long MAX_DAY = 99_999_999L - DAY_OFFSET;
    private static final long MIN_DAY = -DAY_OFFSET;

    private Keys() {}

    static String day(long epochDay) {
        long d = Math.max(MIN_DAY, Math.min(MAX_DAY, epochDay));
        // d + DAY_OFFSET is within 0..99,999,999: zero-padded to 8 digits, as %08d (without its cost)
        String digits = Long.toString(d + DAY_OFFSET);
        return "00000000".substring(digits.length()) + digits;
    }

    /** The epoch day a {@link #day} string stands for; null for null. */
    static Long parseDay(String day) {
        return day == null ? null : Long.parseLong(day) - DAY_OFFSET;
    }

    static String dated(String dyad, long epochDay, String id) {
        return dyad + "|D|" + day(epochDay) + "|" + id;
    }

    static String noYear(String dyad, String id) {
        return dyad + "|N|" + id;
    }

    /** Start of the range of dated keys from this day on (inclusive). */
    static String datedFrom(String dyad, long epochDay) {
        return dyad + "|D|" + day(epochDay);
    }

    /** End of the range of dated keys up to this day (inclusive): '}' sorts after '|' and digits. */
    static String datedThrough(String dyad, long epochDay) {
        return dyad + "|D|" + day(epochDay) + "}";
    }

    static String noYearFrom(String dyad) {
        return dyad + "|N|";
    }

    static String noYearEnd(String dyad) {
        return dyad + "|N}";
    }

    static String mentionIndex(String mentionId) {
        return "mid|" + mentionId;
    }

    /** A mention whose explicit cue cites {@code citedId}. */
    static String referrer(String citedId, String referrerId) {
        return "ref|" + citedId + "|" + referrerId;
    }

    static String referrersFrom(String citedId) {
        return "ref|" + citedId + "|";
    }

    static String referrersEnd(String citedId) {
        return "ref|" + citedId + "}";
    }

    static String anchorByCount(ExtractedAction m, int count) {
        return "anc|" + signature(m) + "|c" + count + "|";
    }

    static String anchorByMonth(ExtractedAction m, int month) {
        return "anc|" + signature(m) + "|m" + twoDigits(month) + "|";
    }

    static String floatingByCount(ExtractedAction m, int count) {
        return "flo|" + signature(m) + "|c" + count + "|";
    }

    static String floatingByMonth(ExtractedAction m, int month) {
        return "flo|" + signature(m) + "|m" + twoDigits(month) + "|";
    }

    /** Every dated report of m's sides and type: those by count, by kind and by month. */
    static String anchors(ExtractedAction m) {
        return "anc|" + signature(m) + "|";
    }

    static String anchorByKind(ExtractedAction m) {
        return "anc|" + signature(m) + "|k|";
    }

    static String floatingByKind(ExtractedAction m) {
        return "flo|" + signature(m) + "|k|";
    }

    /** The undated measures of a dyad anchored by kind alone, whatever their sides and type. */
    static String floatingKinds(String dyad) {
        return "flk|" + dyad + "|";
    }

    /** The start of the floating mentions of m's sides and type, by count, by month and by kind. */
    static String floating(ExtractedAction m) {
        return "flo|" + signature(m) + "|";
    }

    /** {@code String.format("%02d", n)} without its cost. */
    static String twoDigits(int n) {
        return n >= 0 && n < 10 ? "0" + n : Integer.toString(n);
    }

    /** The end of a range of keys that all start with {@code prefix} (which ends in '|'). */
    static String endOf(String prefix) {
        return prefix.substring(0, prefix.length() - 1) + "}";
    }

    static String anchorOf(String undatedId) {
        return "fanc|" + undatedId;
    }

    static String anchoredTo(String datedId) {
        return "fat|" + datedId + "|";
    }

    private static String signature(ExtractedAction m) {
        return m.dyad() + "|" + m.source() + "|" + m.target() + "|" + MentionMerger.effectiveType(m);
    }

    /*
     * A mention's index entry holds its key and its alert markers: one key per mention instead of one per
     * mention and alert type, since the markers of a mention are written with it or after it, and under
     * exactly-once each key written in a step is a changelog record. Keys hold no space (ids are key-safe).
     */

    /** The entry of a mention stored under {@code key} with the markers of {@code previousEntry} (null: none). */
    static String mentionEntry(String key, String previousEntry) {
        int space = previousEntry == null ? -1 : previousEntry.indexOf(' ');
        return space < 0 ? key : key + previousEntry.substring(space);
    }

    /** The mention key of an index entry ({@link #mentionEntry}); null for null. */
    static String keyOfEntry(String entry) {
        if (entry == null) {
            return null;
        }
        int space = entry.indexOf(' ');
        return space < 0 ? entry : entry.substring(0, space);
    }

    /** Whether the entry carries the marker of this alert type: the mention's action was announced so. */
    static boolean marked(String entry, String alertType) {
        int space = entry.indexOf(' ');
        if (space < 0) {
            return false;
        }
        for (int i = space + 1; i < entry.length(); ) {
            int end = entry.indexOf(',', i);
            if (end < 0) {
                end = entry.length();
            }
            if (end - i == alertType.length() && entry.startsWith(alertType, i)) {
                return true;
            }
            i = end + 1;
        }
        return false;
    }

    /** The entry with the marker of this alert type added (it must not carry it). */
    static String withMarker(String entry, String alertType) {
        return entry + (entry.indexOf(' ') < 0 ? ' ' : ',') + alertType;
    }

    static String alert(String alertId) {
        return "alert|" + alertId;
    }

    static String latest(String dyad) {
        return "meta|" + dyad + "|latest";
    }

    static void requireKeySafe(String what, String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException(what + " is empty");
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c < 0x21 || c > 0x7e || c == '|') {
                throw new IllegalArgumentException(what + " '" + id + "' must be printable ASCII without '|' or spaces (it is part of store keys)");
            }
        }
    }

    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    });
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /**
     * Hashes already computed: an episode's recomputation hashes the same action ids (and a dyad's inserts
     * the same article ids) again and again. Cleared when full; shared by the stream threads.
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> HASHED = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int HASHED_MAX = 65_536;

    /** The first {@code hexChars} (at most 64) lower-case hex digits of the SHA-256 of s's UTF-8 bytes. */
    static String hash(String s, int hexChars) {
        if (hexChars != 16) {
            return digest(s, hexChars);
        }
        String h = HASHED.get(s);
        if (h == null) {
            if (HASHED.size() >= HASHED_MAX) {
                HASHED.clear();
            }
            h = digest(s, hexChars);
            HASHED.put(s, h);
        }
        return h;
    }

    private static String digest(String s, int hexChars) {
        MessageDigest sha = SHA_256.get();
        byte[] d = sha.digest(s.getBytes(StandardCharsets.UTF_8)); // digest() also resets it for the next call
        char[] out = new char[hexChars];
        for (int i = 0; i < hexChars; i++) {
            int b = d[i >> 1];
            out[i] = HEX[(i & 1) == 0 ? (b >> 4) & 0xf : b & 0xf];
        }
        return new String(out);
    }

    static String mentionKey(ExtractedAction m) {
        return m.date().hasYear()
                ? dated(m.dyad(), m.date().earliest().toEpochDay(), m.id())
                : noYear(m.dyad(), m.id());
    }
}
