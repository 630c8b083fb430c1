package io.riposte.extraction.internal;

/** A state named in the text: tokens [from, to), with how it is used. */
final class Mention {
    enum Role {
        /** can act: a name, a capital, a government body, an office-holder */
        AGENT,
        /** people of that state: "Russian diplomats", "two Americans" (can be acted upon) */
        PEOPLE,
        /** a mission of that state: "the US embassy" */
        MISSION,
        /** a place where something is: "in Moscow", "ambassador to Russia", "embassy in Ottawa" */
        HOST,
        /** an adjective with no noun we know: "Russian meddling" */
        PLAIN
    }

    final int from;
    final int to;
    final String iso;
    final Lexicon.ActorKind kind;
    Role role;
    /** followed by 's */
    boolean possessive;
    /** the last token of the noun phrase the mention heads or modifies */
    int headEnd;
    /** outside the clause of the trigger being analysed (set per trigger) */
    boolean clauseOut;
    /** host state of a named ambassador */
    String host;
    /** the list of states this mention belongs to ("Ireland, Norway and Spain"), or null */
    java.util.List<Mention> list;
    /** how many different states that list names */
    int listStates;
    /** the states a phrase such as "the three countries" stands for, or null */
    java.util.List<String> group;

    Mention(int from, int to, String iso, Lexicon.ActorKind kind) {
        this.from = from;
        this.to = to;
        this.iso = iso;
        this.kind = kind;
        this.headEnd = to;
    }

    @Override
    public String toString() {
        return iso + ":" + role + "@" + from;
    }
}
