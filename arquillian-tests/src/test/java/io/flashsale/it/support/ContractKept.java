package io.flashsale.it.support;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * After every test class (registered for all of them in {@code META-INF/services}): every exchange it made with the
 * API kept the served OpenAPI document ({@link Contract}); the violations are listed in the failure and in
 * {@code target/contract-violations.txt}.
 */
public class ContractKept implements AfterAllCallback {

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        List<String> violations = Contract.drain();
        if (violations.isEmpty()) {
            return;
        }
        Path report = Path.of("target", "contract-violations.txt");
        Files.write(report, violations.stream().map(v -> context.getDisplayName() + ": " + v).toList(),
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        throw new AssertionError(violations.size() + " exchanges broke the OpenAPI document, e.g.\n"
                + String.join("\n", violations.subList(0, Math.min(10, violations.size()))));
    }
}
