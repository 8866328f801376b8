package io.flashsale.platform.payara;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checked-in file of asadmin commands (next to this class, {@code *.asadmin}): one command per line, a line ending
 * in {@code \} continued on the next, {@code #} comments; {@code ${name}} is filled in from the given values, and a
 * name without a value is an error (no command runs half-filled).
 */
final class AsadminScript {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

    private AsadminScript() {
    }

    static List<String> commands(String file, Map<String, String> values) {
        List<String> commands = new ArrayList<>();
        StringBuilder command = new StringBuilder();
        for (String line : read(file).split("\n")) {
            String text = line.strip();
            if (command.isEmpty() && (text.isEmpty() || text.startsWith("#"))) {
                continue;
            }
            boolean continued = text.endsWith("\\");
            command.append(command.isEmpty() ? "" : " ").append(continued ? text.substring(0, text.length() - 1)
                    .strip() : text);
            if (!continued) {
                commands.add(fill(command.toString(), values, file));
                command.setLength(0);
            }
        }
        return commands;
    }

    private static String fill(String command, Map<String, String> values, String file) {
        Matcher placeholder = PLACEHOLDER.matcher(command);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalStateException(file + ": no value for ${" + placeholder.group(1) + "}");
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(filled).toString();
    }

    private static String read(String file) {
        try (InputStream in = AsadminScript.class.getResourceAsStream(file)) {
            if (in == null) {
                throw new IllegalStateException("no " + file + " next to " + AsadminScript.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
