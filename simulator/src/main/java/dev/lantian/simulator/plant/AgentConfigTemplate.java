package dev.lantian.simulator.plant;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills an agent site configuration template from a {@link PortsFile}: {@code ${port:ID}} becomes the
 * device's pty path (serial) or TCP port, {@code ${host:ID}} its TCP host, {@code ${var:NAME}} a value
 * the caller gives (broker url, storage path). A placeholder that cannot be filled is an error naming
 * it: an in-process ({@code memory}) device cannot be reached by a separately started agent.
 */
public final class AgentConfigTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(port|host|var):([A-Za-z0-9_.-]+)}");

    private AgentConfigTemplate() {
    }

    /** Renders every line; comment lines are copied as they are (they may mention the placeholder syntax). */
    public static String render(String template, PortsFile ports, Map<String, String> vars) {
        StringBuilder out = new StringBuilder();
        for (String line : template.split("(?<=\n)")) {
            out.append(line.stripLeading().startsWith("#") ? line : renderLine(line, ports, vars));
        }
        return out.toString();
    }

    private static String renderLine(String line, PortsFile ports, Map<String, String> vars) {
        Matcher m = PLACEHOLDER.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String kind = m.group(1);
            String id = m.group(2);
            String value;
            if (kind.equals("var")) {
                value = vars.get(id);
                if (value == null) {
                    throw new IllegalArgumentException("no value given for ${var:" + id + "}");
                }
            } else {
                PortsFile.Entry e = ports.entry(id);
                value = switch (e.kind()) {
                    case pty -> kind.equals("port") ? e.path() : fail(id, "is a serial device (pty), it has no host");
                    case tcp -> kind.equals("port") ? String.valueOf(e.port()) : e.host();
                    case memory -> fail(id, "runs in-process only (socat missing), a separate agent cannot reach it");
                };
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String fail(String id, String why) {
        throw new IllegalArgumentException("device '" + id + "' " + why);
    }
}
