package io.flashsale.it.contract;

import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.Await;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Sales;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.tools.ToolProvider;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's Java SE example, taken from the README as it is written, compiled against the client's dependencies
 * and run as its own program: one buyer gets the only unit, the next one is told it is sold out.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class ReadmeExampleIT {

    private static final String MARKER = "<!-- readme-example:java-se -->";

    @Test
    void theJavaSeExampleBuysTheOnlyUnitAndThenHearsSoldOut() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("flashsale.contract.tools"))
                .getParent().getParent().resolve("readme-example"));
        Files.writeString(dir.resolve("BuyOne.java"), example());
        String classpath = Files.readString(Path.of(System.getProperty("flashsale.test.classpath"))).trim();
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-cp", classpath, "-d", dir.toString(), dir.resolve("BuyOne.java").toString());
        assertEquals(0, compiled, "the README's example compiles");

        Http http = new Http(PlatformSession.serverUrl().toString());
        Accounts accounts = new Accounts(http);
        long sale = new Sales(accounts.admin()).activity(1, 1);
        Accounts.Account first = accounts.newCustomer();
        Accounts.Account second = accounts.newCustomer();

        String bought = run(dir, classpath, first, sale);
        assertTrue(bought.matches("order [0-9a-f-]{36} is PENDING\\s*"), bought);
        Await.until("the order is durable", Duration.ofSeconds(30), () -> Sales.orders(sale, "CONFIRMED"),
                confirmed -> confirmed == 1);
        String late = run(dir, classpath, second, sale);
        assertTrue(late.startsWith("sold out: "), late);
    }

    private static String example() throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("flashsale.readme")));
        int marker = readme.indexOf(MARKER);
        assertTrue(marker >= 0, "the README marks its Java SE example");
        int start = readme.indexOf("```java\n", marker) + "```java\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    private static String run(Path dir, String classpath, Accounts.Account buyer, long sale) throws Exception {
        Process program = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath + File.pathSeparator + dir, "BuyOne",
                PlatformSession.serverUrl().toString().replaceAll("/$", ""), buyer.username(), buyer.password(),
                Long.toString(sale))
                .redirectErrorStream(true).start();
        String out = new String(program.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(program.waitFor(60, TimeUnit.SECONDS), "the example ends");
        assertEquals(0, program.exitValue(), out);
        return List.of(out.split("\n")).stream().filter(l -> l.startsWith("order ") || l.startsWith("sold out"))
                .findFirst().orElse(out);
    }
}
