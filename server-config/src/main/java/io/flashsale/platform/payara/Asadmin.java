package io.flashsale.platform.payara;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs Payara's asadmin with the JDK that runs us (no shell script, no executable bit needed). */
final class Asadmin {

    static final String ADMIN_USER = "admin";

    private final Path payaraHome;
    private final int adminPort;
    private final Path passwordFile;

    /** {@code passwordFile}: asadmin's, with {@code AS_ADMIN_PASSWORD} (and any other password a command reads). */
    Asadmin(Path payaraHome, int adminPort, Path passwordFile) {
        this.payaraHome = payaraHome;
        this.adminPort = adminPort;
        this.passwordFile = passwordFile;
    }

    String run(String... args) {
        List<String> command = new ArrayList<>(List.of(
                java(), "-jar", payaraHome.resolve("glassfish/lib/client/appserver-cli.jar").toString(),
                "--interactive=false", "--port", Integer.toString(adminPort), "--user", ADMIN_USER,
                "--passwordfile", passwordFile.toString()));
        command.addAll(List.of(args));
        return exec(command);
    }

    /**
     * Many commands in one asadmin JVM: each line of the file is one command. The file's tokenizer consumes one
     * level of backslashes, and multimode exits 0 even when a command in it failed, so both are handled here.
     */
    String runAll(List<String> commands) {
        try {
            Path file = Files.createTempFile("asadmin-", ".txt");
            try {
                Files.write(file, commands.stream().map(c -> c.replace("\\", "\\\\")).toList(),
                        StandardCharsets.UTF_8);
                String output = run("multimode", "--file", file.toString());
                if (output.contains("failed.")) {
                    throw new IllegalStateException("asadmin multimode: a command failed:\n" + output);
                }
                return output;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String exec(List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("AS_JAVA", System.getProperty("java.home"));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException("asadmin " + String.join(" ", command.subList(11, command.size()))
                        + " failed (exit " + exit + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run asadmin", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running asadmin", e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** asadmin splits option lists on ':' and '='; values that carry them must escape them. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace(":", "\\:").replace("=", "\\=");
    }
}
