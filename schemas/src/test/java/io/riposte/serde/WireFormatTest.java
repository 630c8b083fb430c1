package io.riposte.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.riposte.avro.Article;
import io.riposte.registry.FakeRegistry;
import io.riposte.registry.HttpSchemaRegistryClient;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void headerIsMagicZeroThenBigEndianId() {
        assertThat(WireFormat.header(0x01020304)).containsExactly(0, 1, 2, 3, 4);
        assertThat(WireFormat.schemaId("t", new byte[] {0, 0, 0, 1, 0x2c, 9, 9})).isEqualTo(300);
    }

    @Test
    void serializedRecordIsHeaderPlusPlainAvroBinary() throws Exception {
        try (FakeRegistry registry = new FakeRegistry("")) {
            var client = new HttpSchemaRegistryClient(registry.url());
            var serializer = new SpecificAvroSerializer<Article>(client);
            serializer.configure(Map.of(), false);
            Article article = SerdeTestSupport.article("a1");
            byte[] bytes = serializer.serialize("articles", article);

            int id = client.lookup("articles-value", Article.getClassSchema());
            assertThat(bytes[0]).isEqualTo((byte) 0);
            assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(id);

            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(expected, null);
            new SpecificDatumWriter<>(Article.class).write(article, encoder);
            encoder.flush();
            assertThat(Arrays.copyOfRange(bytes, 5, bytes.length)).isEqualTo(expected.toByteArray());
        }
    }

    @Test
    void shortInputIsAClearError() {
        for (int length = 0; length < 5; length++) {
            byte[] data = new byte[length];
            assertThatThrownBy(() -> WireFormat.schemaId("articles", data))
                    .isInstanceOf(SerializationException.class)
                    .hasMessageContaining("articles")
                    .hasMessageContaining(length + " bytes");
        }
    }

    @Test
    void wrongMagicByteIsAClearError() {
        assertThatThrownBy(() -> WireFormat.schemaId("actions", new byte[] {(byte) 0xC3, 1, 0, 0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("actions")
                .hasMessageContaining("magic byte 0xc3");
    }
}
