package dev.lantian.agent.uplink;

import dev.lantian.agent.store.ReportKind;

import java.util.Objects;

/**
 * The topic layout (docs/uplink.md): {@code {prefix}/{enterprise_code}/{device_id}/{leaf}} where the
 * leaf is a report kind ({@link ReportKind#topic()}), {@code state} (retained online/offline),
 * {@code command} (the bureau writes, the board subscribes) or {@code reply} (answers to commands).
 */
public record Topics(String prefix, String enterprise, String device) {
    public Topics {
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(enterprise, "enterprise");
        Objects.requireNonNull(device, "device");
        for (String level : new String[] {enterprise, device}) {
            if (level.isEmpty() || level.contains("/") || level.contains("+") || level.contains("#")) {
                throw new IllegalArgumentException("not usable as one topic level: '" + level + "'");
            }
        }
    }

    public String report(String reportDevice, ReportKind kind) {
        return prefix + "/" + enterprise + "/" + reportDevice + "/" + kind.topic();
    }

    public String state() {
        return base() + "/state";
    }

    public String command() {
        return base() + "/command";
    }

    public String reply() {
        return base() + "/reply";
    }

    private String base() {
        return prefix + "/" + enterprise + "/" + device;
    }
}
