package io.riposte.local;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Starts a JVM on our own class path: the local broker and registry processes, and the Streams app in the
 * benchmark and the crash tests (which must SIGKILL it, so it cannot share our JVM).
 *
 * @param jvmOptions options before the main class ({@code -Xmx512m}, {@code -Dkey=value})
 * @param mainClassAndArgs the main class (or {@code -jar x.jar}) and its arguments
 * @param ownSession run under {@code setsid} where there is one, so a Ctrl-C in the terminal that
 *     started it does not reach it; a child that must die with its parent's terminal passes false
 */
public record ChildJvm(List<String> jvmOptions, List<String> mainClassAndArgs, boolean ownSession) {

    public ChildJvm {
        jvmOptions = List.copyOf(jvmOptions);
        mainClassAndArgs = List.copyOf(mainClassAndArgs);
        if (mainClassAndArgs.isEmpty()) {
            throw new IllegalArgumentException("no main class");
        }
    }

    /** The command line, with the current JVM's {@code java} and absolute class path. */
    public List<String> command() {
        List<String> command = new ArrayList<>();
        if (ownSession && new File("/usr/bin/setsid").canExecute()) {
            command.add("/usr/bin/setsid");
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Options first: /proc/PID/cmdline as the JDK reads it may be cut after the long class path, and
        // LocalBroker recognises its children by a -D marker there.
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(absoluteClassPath(System.getProperty("java.class.path")));
        command.add("-Djava.net.preferIPv4Stack=true");
        // Avro refuses to deserialize generated classes outside the packages it is told to trust.
        command.add("-Dorg.apache.avro.SERIALIZABLE_PACKAGES=io.riposte.avro");
        command.addAll(mainClassAndArgs);
        return command;
    }

    /** Starts it in {@code workDir}, stdin from /dev/null, stdout and stderr appended to {@code log}. */
    public Process start(Path workDir, Path log) {
        List<String> command = command();
        try {
            return new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + command, e);
        }
    }

    /**
     * The child runs in another directory, so class-path entries relative to our working directory
     * ({@code java -cp cli/target/lib/*}) must be made absolute or it finds no classes.
     */
    static String absoluteClassPath(String classPath) {
        return Arrays.stream(classPath.split(File.pathSeparator))
                .filter(e -> !e.isEmpty())
                .map(e -> e.endsWith("*")
                        ? Path.of(e.substring(0, e.length() - 1)).toAbsolutePath() + File.separator + "*"
                        : Path.of(e).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
    }
}
