package io.riposte.evaluation;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A gold, chains or predictions file that cannot be scored as it is: the message names the file and
 * the line, because skipping the line would silently change every figure.
 */
public class EvaluationFileException extends IOException {
    private final Path file;
    private final int line;

    public EvaluationFileException(Path file, int line, String reason) {
        super(file + ":" + line + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    public int line() {
        return line;
    }
}
