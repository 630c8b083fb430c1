package io.riposte.streams.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecodedValuesTest {

    @Test
    void findsAValueByTheContentOfItsBytes() {
        DecodedValues<String> cache = new DecodedValues<>(1000);
        cache.put(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, "nine");
        assertThat(cache.get(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9})).isEqualTo("nine");
        assertThat(cache.get(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 8})).isNull();
        assertThat(cache.get(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})).isNull();
    }

    @Test
    void dropsTheLeastRecentlyUsedBeyondItsBytes() {
        DecodedValues<Integer> cache = new DecodedValues<>(100);
        for (int i = 0; i < 10; i++) {
            cache.put(bytes(i, 20), i);
        }
        assertThat(cache.size()).isEqualTo(5);
        assertThat(cache.get(bytes(4, 20))).isNull();
        assertThat(cache.get(bytes(5, 20))).isEqualTo(5); // read: now the most recent
        cache.put(bytes(10, 20), 10);
        assertThat(cache.get(bytes(5, 20))).isEqualTo(5);
        assertThat(cache.get(bytes(6, 20))).isNull();
    }

    @Test
    void keepsNoValueTooLargeForIt() {
        DecodedValues<String> cache = new DecodedValues<>(100);
        cache.put(bytes(1, 60), "large");
        assertThat(cache.get(bytes(1, 60))).isNull();
        assertThat(cache.size()).isZero();
    }

    private static byte[] bytes(int seed, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }
}
