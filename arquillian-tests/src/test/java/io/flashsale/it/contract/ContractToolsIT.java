package io.flashsale.it.contract;

import io.flashsale.it.support.Await;
import io.flashsale.it.support.Contract;
import io.flashsale.it.support.ContractCheck;
import io.flashsale.it.support.ContractCheck.ProxyReport;
import io.flashsale.it.support.PlatformSession;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The served document as the tools a client team uses see it: Redocly CLI lints it (the repository's redocly.yaml),
 * and Stoplight Prism, as a validating proxy in front of the server, watches a whole sale go through it. Both are
 * npm packages the build installs into target/contract-tools.
 */
@RunAsClient
@ExtendWith(ArquillianExtension.class)
class ContractToolsIT {

    private static final Path TOOLS = Path.of(System.getProperty("flashsale.contract.tools"));
    private static final Path WORK = TOOLS.getParent().getParent();

    @Test
    void redoclyLintsTheServedDocumentClean() throws Exception {
        Path document = WORK.resolve("openapi.yaml");
        Files.writeString(document, Contract.document());
        Process lint = new ProcessBuilder(TOOLS.resolve("redocly").toString(), "lint",
                "--config", System.getProperty("flashsale.redocly.config"), "--format", "json", document.toString())
                .redirectError(WORK.resolve("redocly.log").toFile()).start();
        String out = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(lint.waitFor(2, TimeUnit.MINUTES), "redocly lint finished");
        JsonObject report = Json.createReader(new StringReader(out.substring(out.indexOf('{')))).readObject();
        List<String> problems = new ArrayList<>();
        for (JsonValue problem : report.getJsonArray("problems")) {
            JsonObject p = problem.asJsonObject();
            problems.add(p.getString("severity") + " " + p.getString("ruleId") + ": " + p.getString("message") + " at "
                    + p.getJsonArray("location").getJsonObject(0).getString("pointer", "?"));
        }
        JsonObject totals = report.getJsonObject("totals");
        assertEquals(0, totals.getInt("errors") + totals.getInt("warnings"), String.join("\n", problems));
        assertEquals(0, lint.exitValue(), "redocly lint's verdict");
    }

    @Test
    void prismAsAValidatingProxySeesAWholeActivityKeepTheContract() throws Exception {
        int port = freePort();
        URI server = PlatformSession.serverUrl().toURI();
        Process prism = new ProcessBuilder(TOOLS.resolve("prism").toString(), "proxy",
                server.resolve("/openapi").toString(), server.resolve("/").toString().replaceAll("/$", ""),
                "--host", "127.0.0.1", "--port", Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(WORK.resolve("prism.log").toFile()).start();
        try {
            Await.until("Prism listens", Duration.ofSeconds(60), () -> accepts(port), up -> up);
            ContractCheck.proxyReports();
            new ActivityWalkthrough(URI.create("http://127.0.0.1:" + port)).run();

            List<ProxyReport> reports = ContractCheck.proxyReports();
            List<String> broken = new ArrayList<>();
            int refusedAsDocumented = 0;
            for (ProxyReport report : reports) {
                for (JsonValue v : Json.createReader(new StringReader(report.violations())).readArray()) {
                    JsonObject violation = v.asJsonObject();
                    String where = violation.getJsonArray("location").getString(0);
                    String line = report.method() + " " + report.path() + " -> " + report.status() + ": "
                            + violation.getString("severity", "?") + " " + violation.getString("message", "?")
                            + " " + violation.getJsonArray("location");
                    // a request the document rules out, refused by the server: the contract holding, not breaking
                    if (where.equals("request") && report.status() >= 400) {
                        refusedAsDocumented++;
                    } else {
                        broken.add(line);
                    }
                }
            }
            assertEquals(List.of(), broken, "Prism found answers the document does not describe");
            assertTrue(refusedAsDocumented > 0, "Prism validated: it flagged the deliberately invalid requests");
            System.out.println("[prism] " + reports.size() + " exchanges reported; " + refusedAsDocumented
                    + " request violations, all refused by the server; 0 response violations");
        } finally {
            prism.destroy();
            if (!prism.waitFor(10, TimeUnit.SECONDS)) {
                prism.destroyForcibly();
            }
        }
        assertFalse(prism.isAlive());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
