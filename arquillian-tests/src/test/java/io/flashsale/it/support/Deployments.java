package io.flashsale.it.support;

import org.jboss.arquillian.container.test.api.Testable;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The EAR the build produced, deployed as it is, optionally with one extra WAR that carries in-container tests. */
public final class Deployments {

    private Deployments() {
    }

    /** The real application, as the run command deploys it (for tests that act as HTTP clients). */
    public static EnterpriseArchive application() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("flashsale.ear",
                "../ear/target/flashsale.ear")));
    }

    /** The real application plus a test WAR, so tests run inside Payara next to the EJB modules. */
    public static EnterpriseArchive applicationWith(String testWarName, List<String> testClassNames,
                                                    Class<?>... supportClasses) {
        EnterpriseArchive ear = application();
        WebArchive war = ShrinkWrap.create(WebArchive.class, testWarName + ".war");
        testClassNames.forEach(war::addClass);
        war.addClasses(supportClasses)
                .addClass(Await.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                // the typed client, injected as a MicroProfile application would (README: Calling the API from Java);
                // its address comes from the environment (FLASHSALE_MP_REST_URL, arquillian-tests/pom.xml)
                .addPackages(true, "io.flashsale.client");
        ear.addAsModule(Testable.archiveToTest(war));
        String applicationXml = read(ear.get("META-INF/application.xml").getAsset().openStream())
                .replace("<library-directory>", "<module><web><web-uri>" + testWarName + ".war</web-uri>"
                        + "<context-root>/" + testWarName + "</context-root></web></module>\n  <library-directory>");
        ear.delete("META-INF/application.xml");
        ear.setApplicationXML(new StringAsset(applicationXml));
        return ear;
    }

    private static String read(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
