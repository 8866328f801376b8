package io.flashsale.it.support;

import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

import java.util.List;

/**
 * The one deployment of the whole suite (arquillian.xml names this class to the suite extension): the EAR the build
 * produced, plus one test WAR carrying every in-container test class. HTTP test classes run as clients
 * ({@code @RunAsClient}) against the same deployment, so the EAR is deployed once per run, not once per class.
 */
@ArquillianSuiteDeployment
public final class SuiteDeployment {

    private SuiteDeployment() {
    }

    @Deployment
    static EnterpriseArchive deployment() {
        // by name: the test classes are package-private in their own packages (ShrinkWrap adds nested classes too)
        return Deployments.applicationWith("flashsale-it", List.of(
                "io.flashsale.it.contract.InjectedClientIT",
                "io.flashsale.it.foundation.ContainerResourcesIT",
                "io.flashsale.it.operations.MessagingLivenessIT",
                "io.flashsale.it.stock.StockReservationConcurrencyIT"), Http.class);
    }
}
