package io.riposte.cli;

import io.riposte.cli.config.RiposteConfig;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The single {@code riposte} command. */
@Command(name = "riposte",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Live detection of diplomatic retaliation chains (tit-for-tat) in news, on Apache Kafka.",
        subcommands = {
            DemoCommand.class,
            ProduceCommand.class, ResetCommand.class,
            StreamsCommand.class,
            ConsumeCommand.class, AlertsCommand.class, NotifyCommand.class, ExportCommand.class,
            LocalCommand.class,
            ExtractCommand.class, EvalCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class,
        })
public class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (used by main and by tests). */
    public static int execute(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(Main::handle);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Expected failures (bad config, unreachable cluster, missing path) get one line, not a stack trace. */
    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        if (e instanceof RiposteConfig.ConfigException || e instanceof IllegalArgumentException
                || e instanceof IllegalStateException || e instanceof org.apache.kafka.common.KafkaException
                || e instanceof NullPointerException && e.getMessage() != null && e.getMessage().startsWith("no ")) {
            err.println("riposte " + cl.getCommandName() + ": error: " + e.getMessage());
        } else {
            err.println("riposte " + cl.getCommandName() + ": unexpected error: " + e);
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }

    /** The version from the jar manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"riposte " + (v == null ? "(development build)" : v),
                "Kafka clients " + org.apache.kafka.common.utils.AppInfoParser.getVersion(),
                "Java " + System.getProperty("java.version")};
        }
    }
}
