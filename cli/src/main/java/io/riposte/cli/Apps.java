package io.riposte.cli;

import io.riposte.extraction.Extractor;
import io.riposte.extraction.Extractors;
import io.riposte.streams.CorrelatorFactory;
import io.riposte.streams.RiposteStreamsApp;
import java.util.Map;

/** Builds the apps with Riposte's real engines, the same way for the commands, the demo and the tests. */
final class Apps {
    private Apps() {}

    static RiposteStreamsApp streams(Map<String, Object> config) {
        return new RiposteStreamsApp(config, extractor(), CorrelatorFactory.standard());
    }

    static Extractor extractor() {
        return Extractors.standard();
    }
}
