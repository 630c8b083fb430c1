package io.riposte.local;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * How a local cluster authenticates its clients: not at all ({@link #none()}), or SASL on a
 * {@code SASL_PLAINTEXT} listener on 127.0.0.1 with SCRAM-SHA-512 ({@link #scram()}) or PLAIN
 * ({@link #plain()}), the KRaft {@code StandardAuthorizer}, {@code allow.everyone.if.no.acl.found=false}
 * and three principals:
 *
 * <ul>
 *   <li>{@value #ADMIN}: super user; the broker itself (inter-broker and controller connections), topic and
 *       ACL creation;
 *   <li>{@value #APP}: what every Riposte app runs as, with the ACLs of {@link RiposteAcls#forApps};
 *   <li>{@value #REGISTRY}: the local schema registry, with the ACLs of {@link RiposteAcls#forRegistry}.
 * </ul>
 *
 * The controller listener uses SASL PLAIN with the admin's credentials (SCRAM credentials live in the
 * metadata log, which the controller serves, so they cannot guard it). Passwords are random (32 letters
 * and digits, ~190 bits); {@link #toString()} and {@link Credentials#toString()} never show them.
 */
public final class Security {
    public static final String ADMIN = "admin";
    public static final String APP = "riposte";
    public static final String REGISTRY = "registry";

    /** The SASL mechanism of the client listener. */
    public enum Mechanism {
        SCRAM_SHA_512("SCRAM-SHA-512", "org.apache.kafka.common.security.scram.ScramLoginModule"),
        PLAIN("PLAIN", "org.apache.kafka.common.security.plain.PlainLoginModule");

        private final String kafkaName;
        private final String loginModule;

        Mechanism(String kafkaName, String loginModule) {
            this.kafkaName = kafkaName;
            this.loginModule = loginModule;
        }

        /** As Kafka names it in {@code sasl.mechanism}, e.g. {@code SCRAM-SHA-512}. */
        public String kafkaName() {
            return kafkaName;
        }

        /** {@code SCRAM-SHA-512}, {@code scram}, {@code PLAIN}, {@code plain} (case-insensitive). */
        public static Mechanism parse(String s) {
            String n = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            if (n.equals("SCRAM")) {
                return SCRAM_SHA_512;
            }
            for (Mechanism m : values()) {
                if (m.name().equals(n)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("unknown SASL mechanism '" + s + "': use SCRAM-SHA-512 or PLAIN");
        }
    }

    /** A user name and its password; {@link #toString()} hides the password. */
    public record Credentials(String username, String password) {
        public Credentials {
            Objects.requireNonNull(username);
            Objects.requireNonNull(password);
            if (!username.matches("[A-Za-z0-9_.-]+") || !password.matches("[A-Za-z0-9_.-]+")) {
                // They go unquoted into JAAS option names (PLAIN's user_<name>) and quoted into values.
                throw new IllegalArgumentException("user names and passwords of the local cluster use letters, digits, _ . - only");
            }
        }

        @Override
        public String toString() {
            return username + ":[hidden]";
        }
    }

    private static final Security NONE = new Security(null, null, null, null);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Mechanism mechanism;
    private final Credentials admin;
    private final Credentials app;
    private final Credentials registry;

    private Security(Mechanism mechanism, Credentials admin, Credentials app, Credentials registry) {
        this.mechanism = mechanism;
        this.admin = admin;
        this.app = app;
        this.registry = registry;
    }

    /** PLAINTEXT, no authentication, no authorizer: the default. */
    public static Security none() {
        return NONE;
    }

    /** SASL/SCRAM-SHA-512 with fresh random passwords. */
    public static Security scram() {
        return sasl(Mechanism.SCRAM_SHA_512);
    }

    /** SASL/PLAIN with fresh random passwords. */
    public static Security plain() {
        return sasl(Mechanism.PLAIN);
    }

    /** SASL with {@code mechanism} and fresh random passwords for the three principals. */
    public static Security sasl(Mechanism mechanism) {
        return sasl(mechanism, new Credentials(ADMIN, randomPassword()), new Credentials(APP, randomPassword()),
                new Credentials(REGISTRY, randomPassword()));
    }

    /** SASL with given credentials (user names must differ). */
    public static Security sasl(Mechanism mechanism, Credentials admin, Credentials app, Credentials registry) {
        Objects.requireNonNull(mechanism);
        if (List.of(admin.username(), app.username(), registry.username()).stream().distinct().count() != 3) {
            throw new IllegalArgumentException("admin, app and registry need three different user names");
        }
        return new Security(mechanism, admin, app, registry);
    }

    public boolean enabled() {
        return mechanism != null;
    }

    /** The mechanism; only when {@link #enabled()}. */
    public Mechanism mechanism() {
        return require(mechanism);
    }

    public Credentials admin() {
        return require(admin);
    }

    public Credentials app() {
        return require(app);
    }

    public Credentials registry() {
        return require(registry);
    }

    /** {@code security.protocol} of the client listener: {@code PLAINTEXT} or {@code SASL_PLAINTEXT}. */
    public String protocol() {
        return enabled() ? "SASL_PLAINTEXT" : "PLAINTEXT";
    }

    /**
     * The Kafka client properties that authenticate as {@code who}: {@code security.protocol},
     * {@code sasl.mechanism}, {@code sasl.jaas.config}; empty when security is off.
     */
    public Map<String, Object> clientProperties(Credentials who) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (enabled()) {
            p.put("security.protocol", protocol());
            p.put("sasl.mechanism", mechanism.kafkaName());
            p.put("sasl.jaas.config", jaas(mechanism, who, false));
        }
        return p;
    }

    /** The broker's listener, authentication and authorization settings (host 127.0.0.1). */
    Map<String, String> brokerProperties(String host, int brokerPort, int controllerPort) {
        Map<String, String> p = new LinkedHashMap<>();
        if (!enabled()) {
            p.put("listeners", "PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + host + ":" + controllerPort);
            p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + brokerPort);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("listener.security.protocol.map", "CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT");
            return p;
        }
        p.put("listeners", "SASL_PLAINTEXT://" + host + ":" + brokerPort + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "SASL_PLAINTEXT://" + host + ":" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "SASL_PLAINTEXT");
        p.put("listener.security.protocol.map", "CONTROLLER:SASL_PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT");
        // Client listener: the chosen mechanism; the broker talks to itself (transaction markers) as admin.
        p.put("sasl.enabled.mechanisms", mechanism.kafkaName());
        p.put("sasl.mechanism.inter.broker.protocol", mechanism.kafkaName());
        p.put("listener.name.sasl_plaintext." + mechanism.kafkaName().toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                jaas(mechanism, admin, mechanism == Mechanism.PLAIN));
        // Controller listener: PLAIN with the admin's static credentials (SCRAM users live in the metadata it serves).
        p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        p.put("sasl.mechanism.controller.protocol", "PLAIN");
        p.put("listener.name.controller.plain.sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + admin.username()
                        + "\" password=\"" + admin.password() + "\" user_" + admin.username() + "=\"" + admin.password() + "\";");
        p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        p.put("allow.everyone.if.no.acl.found", "false");
        p.put("super.users", "User:" + admin.username());
        return p;
    }

    /**
     * {@code --add-scram} arguments of the storage formatter: SCRAM credentials of the three principals,
     * written into the metadata log at format time so they exist before the broker first accepts a client.
     * Empty unless the mechanism is SCRAM.
     */
    List<String> scramArguments() {
        if (!enabled() || mechanism != Mechanism.SCRAM_SHA_512) {
            return List.of();
        }
        return List.of(admin, app, registry).stream()
                .map(c -> "SCRAM-SHA-512=[name=" + c.username() + ",password=\"" + c.password() + "\"]")
                .toList();
    }

    private String jaas(Mechanism m, Credentials who, boolean withPlainUsers) {
        StringBuilder s = new StringBuilder(m.loginModule).append(" required username=\"").append(who.username())
                .append("\" password=\"").append(who.password()).append('"');
        if (withPlainUsers) {
            // PLAIN's users are the broker's static list: user_<name>="<password>".
            for (Credentials c : List.of(admin, app, registry)) {
                s.append(" user_").append(c.username()).append("=\"").append(c.password()).append('"');
            }
        }
        return s.append(';').toString();
    }

    /**
     * Writes a Kafka client properties file for {@code who}: {@code bootstrap.servers},
     * {@code schema.registry.url} (when not null) and the SASL settings, readable by the owner only.
     */
    public void writeClientProperties(Path file, Credentials who, String bootstrapServers, String registryUrl) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bootstrap.servers", bootstrapServers);
        if (registryUrl != null) {
            p.put("schema.registry.url", registryUrl);
        }
        p.putAll(clientProperties(who));
        StringBuilder text = new StringBuilder("# Kafka client settings for user '" + who.username()
                + "' on the local Riposte cluster. Keep this file private: it holds a password.\n");
        p.forEach((k, v) -> text.append(k).append('=').append(escape(v.toString())).append('\n'));
        writePrivate(file, text.toString());
    }

    /** Saves mechanism and passwords (owner-only file), so a restarted local broker keeps its users. */
    void save(Path file) {
        if (!enabled()) {
            return;
        }
        writePrivate(file, "# SASL users of the local Riposte cluster (written by riposte local up --secure).\n"
                + "mechanism=" + mechanism.kafkaName() + "\n"
                + "admin=" + admin.username() + "\nadmin.password=" + admin.password() + "\n"
                + "app=" + app.username() + "\napp.password=" + app.password() + "\n"
                + "registry=" + registry.username() + "\nregistry.password=" + registry.password() + "\n");
    }

    /** What {@link #save} wrote, or {@link #none()} when the file does not exist. */
    static Security load(Path file) {
        if (!Files.exists(file)) {
            return none();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
        try {
            return sasl(Mechanism.parse(p.getProperty("mechanism")),
                    new Credentials(p.getProperty("admin"), p.getProperty("admin.password")),
                    new Credentials(p.getProperty("app"), p.getProperty("app.password")),
                    new Credentials(p.getProperty("registry"), p.getProperty("registry.password")));
        } catch (RuntimeException e) {
            throw new IllegalStateException("Corrupt security settings in " + file + " (delete the data dir to start afresh)", e);
        }
    }

    static void writePrivate(Path file, String text) {
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file); // not a POSIX file system
            }
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write(text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String escape(String v) {
        return v.replace("\\", "\\\\");
    }

    private static String randomPassword() {
        StringBuilder s = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    private <T> T require(T value) {
        if (value == null) {
            throw new IllegalStateException("security is off: no SASL settings");
        }
        return value;
    }

    @Override
    public String toString() {
        return enabled() ? "SASL_PLAINTEXT " + mechanism.kafkaName() + " (users " + admin.username() + ", "
                + app.username() + ", " + registry.username() + "; passwords hidden)" : "PLAINTEXT (no authentication)";
    }
}
