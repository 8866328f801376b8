package io.flashsale.platform.payara;

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

    private final Path file;
    private final Document document;
    private final Element serverConfig;

    private DomainXml(Path file) throws Exception {
        this.file = file;
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        this.document = factory.newDocumentBuilder().parse(file.toFile());
        this.serverConfig = child(document.getDocumentElement(), "configs", "config", Map.of("name", "server-config"));
    }

    static void edit(Path file, List<String> removeJvmOptions, List<String> addJvmOptions, String listenerAddress,
                     Map<String, String> httpThreadPool, Map<String, String> httpProtocol) {
        try {
            DomainXml xml = new DomainXml(file);
            // monitoring: levels, AMX (for the vendor metrics) and the admin console loaded at start
            // (a new domain.xml has neither element yet: Payara writes its defaults at the first start)
            Element monitoring = xml.directChild(xml.serverConfig, "monitoring-service");
            xml.setAttributes(xml.directChild(monitoring, "module-monitoring-levels"),
                    DomainConfiguration.monitoringLevels());
            xml.setAttributes(xml.directChild(xml.serverConfig, "amx-configuration"), DomainConfiguration.amx());
            Element admin = xml.directChild(xml.serverConfig, "admin-service");
            DomainConfiguration.adminServiceProperties().forEach((name, value) -> xml.setProperty(admin, name, value));
            xml.replaceJvmOptions(removeJvmOptions, addJvmOptions);
            xml.bindListenersTo(listenerAddress);
            // the HTTP worker pool is created at start: a change on the running server waits for a restart
            xml.setAttributes(child(xml.serverConfig, "thread-pools", "thread-pool", Map.of("name", "http-thread-pool")),
                    httpThreadPool);
            Element listener = child(xml.serverConfig, "protocols", "protocol", Map.of("name", "http-listener-1"));
            xml.setAttributes(child(listener, null, "http", Map.of()), httpProtocol);
            xml.save();
        } catch (Exception e) {
            throw new IllegalStateException("cannot edit " + file, e);
        }
    }

    private void replaceJvmOptions(List<String> remove, List<String> add) {
        Element javaConfig = child(serverConfig, null, "java-config", Map.of());
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
     * the JVM option {@code hazelcast.socket.bind.any=false}). The embedded JMS broker (7676, all interfaces) is not
     * started at all: nothing here uses JMS.
     */
    private void bindListenersTo(String address) {
        for (String tag : new String[] {"network-listener", "iiop-listener", "jmx-connector"}) {
            NodeList listeners = serverConfig.getElementsByTagName(tag);
            for (int i = 0; i < listeners.getLength(); i++) {
                ((Element) listeners.item(i)).setAttribute("address", address);
            }
        }
        directChild(document.getDocumentElement(), "hazelcast-runtime-configuration").setAttribute("interface",
                address);
        // a new domain.xml has the element in default-config only; the server's copy is made at the first start
        Element jms = (Element) child(document.getDocumentElement(), "configs", "config",
                Map.of("name", "default-config")).getElementsByTagName("jms-service").item(0).cloneNode(true);
        jms.setAttribute("type", "DISABLED");
        NodeList existing = serverConfig.getElementsByTagName("jms-service");
        if (existing.getLength() > 0) {
            serverConfig.replaceChild(jms, existing.item(0));
        } else {
            serverConfig.appendChild(jms);
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
