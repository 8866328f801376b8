package io.flashsale.platform.payara;

import io.flashsale.platform.PlatformSettings;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Settings that only take effect at JVM start (JVM options, listener addresses) are written into a freshly created,
 * not yet started domain's domain.xml, which saves a restart-domain (about 20 s here) on every provisioning.
 */
final class DomainXml {

    private static final String LISTENER_ADDRESS = "127.0.0.1";

    private final Path file;
    private final Document document;

    private DomainXml(Path file) throws Exception {
        this.file = file;
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        this.document = factory.newDocumentBuilder().parse(file.toFile());
    }

    /**
     * The DAS's own configuration ({@code server-config}) and, for a deployment group, the one its instances share
     * (a copy of {@code default-config}, whose ports are the system properties each instance sets), both with the
     * platform's settings.
     */
    static void edit(Path file, PlatformSettings settings) {
        try {
            DomainXml xml = new DomainXml(file);
            Element server = xml.config("server-config");
            xml.configure(server, settings);
            DomainConfiguration.adminServiceProperties().forEach((name, value) ->
                    xml.setProperty(xml.directChild(server, "admin-service"), name, value));
            if (settings.instances().group()) {
                xml.configure(xml.copy(xml.config("default-config"), DomainConfiguration.INSTANCE_CONFIG), settings);
            }
            Element dataGrid = xml.directChild(xml.document.getDocumentElement(), "hazelcast-runtime-configuration");
            dataGrid.setAttribute("interface", LISTENER_ADDRESS);
            if (settings.instances().group()) {
                // the domain's discovery mode skips loopback addresses (it looks for the DAS on the machine's other
                // interfaces), so on loopback each instance formed a Data Grid of its own: the members are listed
                dataGrid.setAttribute("discovery-mode", "tcpip");
                dataGrid.setAttribute("tcpip-members", DomainConfiguration.dataGridMembers(settings.instances()));
            }
            xml.save();
        } catch (Exception e) {
            throw new IllegalStateException("cannot edit " + file, e);
        }
    }

    private void configure(Element config, PlatformSettings settings) {
        // monitoring: levels and AMX (for the vendor metrics); a new domain.xml has neither element yet, Payara
        // writes its defaults at the first start
        Element monitoring = directChild(config, "monitoring-service");
        setAttributes(directChild(monitoring, "module-monitoring-levels"), DomainConfiguration.monitoringLevels());
        setAttributes(directChild(config, "amx-configuration"), DomainConfiguration.amx());
        replaceJvmOptions(config, DomainConfiguration.replacedJvmOptions(), DomainConfiguration.jvmOptions(settings));
        bindListenersTo(config, LISTENER_ADDRESS);
        disableJms(config);
        // the HTTP worker pool is created at start: a change on the running server waits for a restart
        setAttributes(child(config, "thread-pools", "thread-pool", Map.of("name", "http-thread-pool")),
                DomainConfiguration.httpThreadPool());
        Element listener = child(config, "protocols", "protocol", Map.of("name", "http-listener-1"));
        setAttributes(child(listener, null, "http", Map.of()), DomainConfiguration.httpProtocol());
    }

    private Element config(String name) {
        return child(document.getDocumentElement(), "configs", "config", Map.of("name", name));
    }

    /** What {@code asadmin copy-config} does, before the first start. */
    private Element copy(Element config, String name) {
        Element copy = (Element) config.cloneNode(true);
        copy.setAttribute("name", name);
        config.getParentNode().appendChild(copy);
        return copy;
    }

    private void replaceJvmOptions(Element config, List<String> remove, List<String> add) {
        Element javaConfig = child(config, null, "java-config", Map.of());
        NodeList options = javaConfig.getElementsByTagName("jvm-options");
        for (int i = options.getLength() - 1; i >= 0; i--) {
            Node option = options.item(i);
            if (remove.contains(option.getTextContent().trim())) {
                javaConfig.removeChild(option);
            }
        }
        for (String value : add) {
            Element option = document.createElement("jvm-options");
            option.setTextContent(value);
            javaConfig.appendChild(option);
        }
    }

    /** The child element {@code name} of {@code parent}, appended when there is none. */
    private Element directChild(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element element && element.getTagName().equals(name)) {
                return element;
            }
        }
        Element created = document.createElement(name);
        parent.appendChild(created);
        return created;
    }

    private void setProperty(Element owner, String name, String value) {
        NodeList properties = owner.getElementsByTagName("property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (property.getParentNode() == owner && name.equals(property.getAttribute("name"))) {
                property.setAttribute("value", value);
                return;
            }
        }
        Element property = document.createElement("property");
        property.setAttribute("name", name);
        property.setAttribute("value", value);
        owner.appendChild(property);
    }

    private void setAttributes(Element element, Map<String, String> attributes) {
        attributes.forEach(element::setAttribute);
    }

    /**
     * Every port the server opens, on {@code address} only: the HTTP and admin listeners, IIOP (3700, 3820, 3920) and
     * JMX (8686), which a new domain opens on all interfaces, and the Data Grid (Hazelcast, 4900, which also needs
     * the JVM option {@code hazelcast.socket.bind.any=false}, and the domain-wide interface set in {@link #edit}).
     */
    private void bindListenersTo(Element config, String address) {
        for (String tag : new String[] {"network-listener", "iiop-listener", "jmx-connector"}) {
            NodeList listeners = config.getElementsByTagName(tag);
            for (int i = 0; i < listeners.getLength(); i++) {
                ((Element) listeners.item(i)).setAttribute("address", address);
            }
        }
    }

    /** The embedded JMS broker (7676, all interfaces) is not started at all: nothing here uses JMS. */
    private void disableJms(Element config) {
        // a new domain.xml has the element in default-config only; the server's copy is made at the first start
        Element jms = (Element) config("default-config").getElementsByTagName("jms-service").item(0).cloneNode(true);
        jms.setAttribute("type", "DISABLED");
        NodeList existing = config.getElementsByTagName("jms-service");
        if (existing.getLength() > 0) {
            config.replaceChild(jms, existing.item(0));
        } else {
            config.appendChild(jms);
        }
    }

    private void save() throws Exception {
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.INDENT, "yes");
        transformer.transform(new DOMSource(document), new StreamResult(file.toFile()));
    }

    /** The first element named {@code name} (below {@code container} if given) whose attributes match. */
    private static Element child(Element root, String container, String name, Map<String, String> attributes) {
        Element scope = root;
        if (container != null) {
            scope = (Element) root.getElementsByTagName(container).item(0);
        }
        NodeList candidates = scope.getElementsByTagName(name);
        for (int i = 0; i < candidates.getLength(); i++) {
            Element candidate = (Element) candidates.item(i);
            if (attributes.entrySet().stream().allMatch(a -> a.getValue().equals(candidate.getAttribute(a.getKey())))) {
                return candidate;
            }
        }
        throw new IllegalStateException("no <" + name + "> " + attributes + " in domain.xml");
    }
}
