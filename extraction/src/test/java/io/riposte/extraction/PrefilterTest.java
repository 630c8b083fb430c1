package io.riposte.extraction;

import static io.riposte.extraction.ExtractorHardCasesTest.article;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prefilter of {@link RuleExtractor}: an article is analysed only when it may hold a whole trigger phrase,
 * not when it merely has a phrase's everyday first word ("in" of "in abeyance", "be" of "be met with").
 */
class PrefilterTest {
    static final Extractor X = Extractors.standard();

    @Test
    void everydayFirstWordsOfTriggerPhrasesAloneAreNoTrigger() {
        ExtractionResult r = X.extract(article("2021-05-03", "Weekend", "Rain fell in the hills on Saturday, and the market in "
                + "the old town was busy with families. The bakery will be open with new hours in June, its owner said."));
        assertThat(r.status()).isEqualTo(ExtractionResult.Status.NOTHING_FOUND);
        assertThat(r.reason()).startsWith("NO_TRIGGER");
    }

    @Test
    void aWholePhraseOpeningWithAnEverydayWordIsAnalysed() {
        ExtractionResult r = X.extract(article("2021-05-03", "", "Norway said on Friday it was holding its fisheries pact "
                + "with Iceland in abeyance."));
        assertThat(r.actions()).extracting(a -> a.type() + " " + a.source() + ">" + a.target()).contains("OTHER NOR>ISL");
    }

    @Test
    void aKeyWordBeforeANegationStillCounts(@TempDir Path dir) throws Exception {
        // "wouldn't" is the tokens "would" and "n't": its key word is "would", which the text spells "wouldn"
        Files.writeString(dir.resolve("triggers-extra.tsv"), "wouldn't\tOTHER\t-\tV\nin a huff\tOTHER\t-\tP\n");
        String old = System.getProperty(io.riposte.extraction.internal.Lexicon.EXTRA_DIR_PROPERTY);
        System.setProperty(io.riposte.extraction.internal.Lexicon.EXTRA_DIR_PROPERTY, dir.toString());
        try {
            Extractor extended = Extractors.standard();
            assertThat(extended.extract(article("2021-05-03", "", "Officials in Oslo said they wouldn't.")).reason())
                    .doesNotStartWith("NO_TRIGGER");
            assertThat(extended.extract(article("2021-05-03", "", "Officials in Oslo said they might not.")).reason())
                    .startsWith("NO_TRIGGER");
        } finally {
            if (old == null) {
                System.clearProperty(io.riposte.extraction.internal.Lexicon.EXTRA_DIR_PROPERTY);
            } else {
                System.setProperty(io.riposte.extraction.internal.Lexicon.EXTRA_DIR_PROPERTY, old);
            }
        }
    }
}
