package io.riposte.serde;

import java.nio.ByteBuffer;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Confluent's wire format: byte 0 = {@code 0x00}, bytes 1-4 = schema id (big-endian int32), then the
 * plain Avro binary encoding of the datum with the writer schema. No length prefix, no container header.
 */
public final class WireFormat {
    public static final byte MAGIC_BYTE = 0x0;
    public static final int HEADER_SIZE = 5;

    private WireFormat() {}

    /** The 5-byte header for {@code schemaId}. */
    public static byte[] header(int schemaId) {
        return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
    }

    /**
     * The schema id of a framed record, after checking length and magic byte.
     *
     * @throws SerializationException naming the topic and what is wrong
     */
    public static int schemaId(String topic, byte[] data) {
        if (data.length < HEADER_SIZE) {
            throw new SerializationException("Cannot deserialize record from topic '" + topic + "': " + data.length
                    + " bytes is shorter than the 5-byte Confluent header (magic byte + schema id)");
        }
        if (data[0] != MAGIC_BYTE) {
            throw new SerializationException(String.format(
                    "Cannot deserialize record from topic '%s': unknown magic byte 0x%02x (expected 0x00, the Confluent wire format)",
                    topic, data[0] & 0xff));
        }
        return ByteBuffer.wrap(data, 1, 4).getInt();
    }
}
