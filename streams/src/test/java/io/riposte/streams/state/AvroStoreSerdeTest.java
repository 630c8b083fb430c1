package io.riposte.streams.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.domain.Action;
import io.riposte.domain.ActionType;
import io.riposte.domain.Chain;
import io.riposte.domain.ChainStatus;
import io.riposte.domain.ChainStep;
import io.riposte.domain.Evidence;
import io.riposte.domain.ExtractedAction;
import io.riposte.domain.FuzzyDate;
import io.riposte.domain.Modality;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroStoreSerdeTest {
    private static final Evidence EV = new Evidence("a9", "ottawa.txt", "Ottawa declared the envoy persona non grata.", 3, 47);

    static ExtractedAction extracted() {
        return new ExtractedAction("m9", "a9", "ottawa.txt", "CAN", "CHN", ActionType.EXPEL_DIPLOMATS,
                FuzzyDate.ofMonth(2023, 5), 1, Modality.ASSERTED, 0.8, List.of(EV), List.of(), null);
    }

    static Action action() {
        return new Action("act-9", "CAN-CHN", "CAN", "CHN", ActionType.EXPEL_DIPLOMATS, FuzzyDate.ofMonth(2023, 5),
                1, Modality.ASSERTED, 0.8, List.of("ottawa.txt"), List.of(EV), List.of(), null);
    }

    static Chain chain() {
        return new Chain("chain-9", "CAN-CHN", ChainStatus.ACTIVE, 3.0, FuzzyDate.ofMonth(2023, 5), FuzzyDate.ofMonth(2023, 5),
                List.of(new ChainStep("act-9", "CAN", "CHN", ActionType.EXPEL_DIPLOMATS, FuzzyDate.ofMonth(2023, 5), 1, List.of())));
    }

    @Test
    void aMentionStoredBeforeTheCrossDyadFieldsStillReads() throws Exception {
        io.riposte.avro.ActionMention now = io.riposte.mapping.AvroMapping.toAvro(extracted(), null);
        org.apache.avro.Schema before = AvroStoreSerde.withoutFields(now.getSchema(), "cross_source", "cross_target", "cross_kind");
        assertThat(before.getField("cross_source")).isNull();
        org.apache.avro.generic.GenericData.Record old = new org.apache.avro.generic.GenericData.Record(before);
        before.getFields().forEach(f -> old.put(f.name(), now.get(f.name())));
        java.nio.ByteBuffer buf = new org.apache.avro.message.BinaryMessageEncoder<org.apache.avro.generic.GenericData.Record>(
                org.apache.avro.specific.SpecificData.get(), before).encode(old);
        byte[] bytes = new byte[buf.remaining()];
        buf.get(bytes);
        assertThat(AvroStoreSerde.mentions().deserializer().deserialize("t", bytes)).isEqualTo(extracted());
    }

    @Test
    void storeSerdesRoundTripThroughSingleObjectEncoding() {
        var mentions = AvroStoreSerde.mentions();
        byte[] bytes = mentions.serializer().serialize("t", extracted());
        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(mentions.deserializer().deserialize("t", bytes)).isEqualTo(extracted());
        var actions = AvroStoreSerde.actions();
        assertThat(actions.deserializer().deserialize("t", actions.serializer().serialize("t", action()))).isEqualTo(action());
        var chains = AvroStoreSerde.chains();
        assertThat(chains.deserializer().deserialize("t", chains.serializer().serialize("t", chain()))).isEqualTo(chain());
        assertThat(chains.serializer().serialize("t", null)).isNull();
    }

    @Test
    void storeSerdeRefusesBytesOfAnotherSchema() {
        byte[] actionBytes = AvroStoreSerde.actions().serializer().serialize("t", action());
        assertThatThrownBy(() -> AvroStoreSerde.chains().deserializer().deserialize("t", actionBytes))
                .isInstanceOf(SerializationException.class);
    }

    @Test
    void writesTheBytesOfAvrosMessageEncoderAndReadsThem() throws Exception {
        // The store format is Avro's single-object encoding: stores written before this codec existed read as they
        // are, and restoring a changelog written by an older version needs no reset.
        var avro = io.riposte.avro.Action.getEncoder();
        java.nio.ByteBuffer buf = avro.encode(io.riposte.mapping.AvroMapping.toAvro(action()));
        byte[] reference = new byte[buf.remaining()];
        buf.get(reference);
        var actions = AvroStoreSerde.actions();
        assertThat(actions.serializer().serialize("t", action())).isEqualTo(reference);
        assertThat(AvroStoreSerde.actions().deserializer().deserialize("t", reference)).isEqualTo(action());
        var mention = io.riposte.mapping.AvroMapping.toAvro(extracted(), null);
        java.nio.ByteBuffer m = io.riposte.avro.ActionMention.getEncoder().encode(mention);
        byte[] mentionBytes = new byte[m.remaining()];
        m.get(mentionBytes);
        assertThat(AvroStoreSerde.mentions().serializer().serialize("t", extracted())).isEqualTo(mentionBytes);
    }

    @Test
    void theSameBytesDecodeToTheSameValueAndOtherBytesToTheirOwn() {
        var actions = AvroStoreSerde.actions();
        byte[] first = actions.serializer().serialize("t", action());
        Action other = new Action("act-10", "CAN-CHN", "CAN", "CHN", ActionType.SANCTION, FuzzyDate.ofMonth(2023, 6),
                null, Modality.ASSERTED, 0.7, List.of("ottawa.txt"), List.of(EV), List.of(), null);
        byte[] second = actions.serializer().serialize("t", other);
        assertThat(actions.deserializer().deserialize("t", first.clone())).isEqualTo(action());
        assertThat(actions.deserializer().deserialize("t", second.clone())).isEqualTo(other);
        // the content decides, not the array: the same bytes with one letter of the id changed are another action
        byte[] changed = first.clone();
        changed[11] = 'b'; // after the 10-byte header and the id's length: "act-9" -> "bct-9"
        assertThat(actions.deserializer().deserialize("t", first.clone())).isEqualTo(action());
        assertThat(actions.deserializer().deserialize("t", changed).id()).isEqualTo("bct-9");
    }

    @Test
    void aValueOfAnUnknownSchemaFailsWithItsFingerprint() {
        byte[] bytes = AvroStoreSerde.actions().serializer().serialize("t", action());
        bytes[5] ^= 0x55;
        assertThatThrownBy(() -> AvroStoreSerde.actions().deserializer().deserialize("t", bytes))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unknown schema");
        assertThatThrownBy(() -> AvroStoreSerde.actions().deserializer().deserialize("t", new byte[] {1, 2, 3}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("C3 01");
    }

    @Test
    void bytesJustWrittenReadAsAFreshDecoderReadsThem() {
        // A null date is written as UNKNOWN: reading the bytes back must give UNKNOWN, as after a restore, not the
        // value that was handed to the serializer.
        Action undated = new Action("act-11", "CAN-CHN", "CAN", "CHN", ActionType.SANCTION, null, null, Modality.ASSERTED, 0.7,
                List.of("ottawa.txt"), List.of(EV), List.of(), null);
        var actions = AvroStoreSerde.actions();
        byte[] bytes = actions.serializer().serialize("t", undated);
        Action fresh = AvroStoreSerde.actions().deserializer().deserialize("t", bytes);
        assertThat(fresh.date()).isEqualTo(FuzzyDate.UNKNOWN);
        assertThat(actions.deserializer().deserialize("t", bytes.clone())).isEqualTo(fresh);
    }
}
