package io.riposte.extraction.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.riposte.domain.ActionType;
import io.riposte.domain.Modality;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModalitiesTest {
    /** The modality (and type) of the first trigger of the one-sentence text. */
    private static Hit classify(String text) {
        PassFixture f = new PassFixture(text);
        List<Trig> trigs = f.triggers(0);
        assertThat(trigs).isNotEmpty();
        Trig tr = trigs.get(0);
        Hit h = new Hit();
        h.type = tr.type();
        int from = f.t.sentenceFrom(0);
        f.modalities.classify(h, tr, trigs, from, f.t.sentenceTo(0), f.frames.isNominal(tr), false);
        return h;
    }

    @Test
    void eachModality() {
        assertThat(classify("Peru expelled two Chilean diplomats.").modality).isEqualTo(Modality.ASSERTED);
        assertThat(classify("Peru did not expel the Chilean diplomats.").modality).isEqualTo(Modality.NEGATED);
        assertThat(classify("Peru refused to expel the Chilean diplomats.").modality).isEqualTo(Modality.NEGATED);
        assertThat(classify("Peru will expel two Chilean diplomats.").modality).isEqualTo(Modality.PLANNED);
        assertThat(classify("Peru could expel two Chilean diplomats.").modality).isEqualTo(Modality.HYPOTHETICAL);
        assertThat(classify("Peru had expelled two Chilean diplomats.").modality).isEqualTo(Modality.BACKGROUND);
    }

    @Test
    void aPastPerfectInReportedSpeechIsTheDaysNews() {
        assertThat(classify("The ministry said it had summoned the Chilean ambassador.").modality).isEqualTo(Modality.ASSERTED);
    }

    @Test
    void aThreatenedMeasureIsAThreat() {
        Hit h = classify("Peru threatened to expel Chilean diplomats.");
        assertThat(h.type).isEqualTo(ActionType.THREATEN_RETALIATION);
        assertThat(h.modality).isEqualTo(Modality.ASSERTED);
    }
}
