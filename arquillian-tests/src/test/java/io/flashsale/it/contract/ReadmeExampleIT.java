package io.flashsale.it.contract;

import io.flashsale.it.support.Accounts;
import io.flashsale.it.support.Await;
import io.flashsale.it.support.Http;
import io.flashsale.it.support.PlatformSession;
import io.flashsale.it.support.Activities;
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
 * The README's Java SE example, taken from the README as it is written, compiled and run as its own program on the
 * class path Maven resolves from the dependencies the README lists (nothing of the test's own class path): one buyer
 * gets the only unit, the next one is told it is sold out.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class ReadmeExampleIT {

    private static final String PROGRAM = "<!-- readme-example:java-se -->";
    private static final String DEPENDENCIES = "<!-- readme-example:java-se-dependencies -->";

    @Test
    void theJavaSeExampleBuysTheOnlyUnitAndThenHearsSoldOut() throws Exception {
        Path dir = Files.createDirectories(Path.of(System.getProperty("flashsale.contract.tools"))
                .getParent().getParent().resolve("readme-example"));
        Files.writeString(dir.resolve("BuyOne.java"), block(PROGRAM, "java"));
        String classpath = classpathOf(dir, block(DEPENDENCIES, "xml"));
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-cp", classpath, "-d", dir.toString(), dir.resolve("BuyOne.java").toString());
        assertEquals(0, compiled, "the README's example compiles");

        Http http = new Http(PlatformSession.serverUrl().toString());
        Accounts accounts = new Accounts(http);
        long sale = new Activities(accounts.admin()).activity(1, 1);
        Accounts.Account first = accounts.newCustomer();
        Accounts.Account second = accounts.newCustomer();

        String bought = run(dir, classpath, first, sale);
        assertTrue(bought.matches("order [0-9a-f-]{36} is PENDING\\s*"), bought);
        Await.until("the order is durable", Duration.ofSeconds(30), () -> Activities.orders(sale, "CONFIRMED"),
                confirmed -> confirmed == 1);
        String late = run(dir, classpath, second, sale);
        assertTrue(late.startsWith("sold out: "), late);
    }

    private static String block(String marker, String language) throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("flashsale.readme")));
        int at = readme.indexOf(marker);
        assertTrue(at >= 0, "the README marks " + marker);
        String fence = "```" + language + "\n";
        int start = readme.indexOf(fence, at) + fence.length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    /**
     * A user's project with the README's dependencies, resolved by Maven; the client itself is not published to a
     * repository by the build, so its classes come from the build instead of its coordinates.
     */
    private static String classpathOf(Path dir, String dependencies) throws Exception {
        String client = "<dependency>\n    <groupId>io.flashsale</groupId>\n    <artifactId>api-client</artifactId>";
        assertTrue(dependencies.contains(client), "the README names the client");
        String others = dependencies.replaceFirst("(?s)<dependency>\\s*<groupId>io.flashsale</groupId>.*?</dependency>",
                "");
        Files.writeString(dir.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                    <modelVersion>4.0.0</modelVersion>
                    <groupId>example</groupId>
                    <artifactId>buy-one</artifactId>
                    <version>1</version>
                    <dependencies>
                """ + others + """
                    </dependencies>
                </project>
                """);
        Path resolved = dir.resolve("classpath.txt");
        Process maven = new ProcessBuilder(System.getProperty("flashsale.mvnw"), "-B", "-q", "-f",
                dir.resolve("pom.xml").toString(), "dependency:build-classpath",
                "-Dmdep.outputFile=" + resolved, "-Dmdep.includeScope=runtime")
                .redirectErrorStream(true).redirectOutput(dir.resolve("maven.log").toFile()).start();
        assertTrue(maven.waitFor(5, TimeUnit.MINUTES), "Maven resolved the README's dependencies");
        assertEquals(0, maven.exitValue(), Files.readString(dir.resolve("maven.log")));
        return Files.readString(resolved).trim() + File.pathSeparator + System.getProperty("flashsale.api-client.classes");
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
