package dev.lantian.simulator.bureau;

import java.util.Optional;

/**
 * One level below the prefix: {@code {prefix}/{enterprise}/{device}/{leaf}}, where the leaf is a
 * report kind ({@code realtime}, {@code minute}, … {@code status}), {@code state} (retained
 * online/offline) or {@code reply} (answers to bureau commands).
 */
public record ReportTopic(String enterprise, String device, String leaf) {
    public static final String STATE = "state";
    public static final String REPLY = "reply";

    /** Empty when the topic is not under {@code prefix} or has not exactly three levels below it. */
    public static Optional<ReportTopic> parse(String prefix, String topic) {
        String head = prefix + "/";
        if (!topic.startsWith(head)) {
            return Optional.empty();
        }
        String[] parts = topic.substring(head.length()).split("/", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ReportTopic(parts[0], parts[1], parts[2]));
    }

    public boolean isState() {
        return STATE.equals(leaf);
    }

    public boolean isReply() {
        return REPLY.equals(leaf);
    }
}
