package dev.lantian.agent.equipment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The recent alert level changes, so rules judging a past instant see the level then in force. */
final class AlertHistory {
    private static final int MAX = 200;
    private final List<AlertChange> changes = new ArrayList<>();

    void add(AlertChange c) {
        changes.add(c);
        changes.sort(java.util.Comparator.comparing(AlertChange::time));
        while (changes.size() > MAX) {
            changes.remove(0);
        }
    }

    Optional<AlertChange> at(Instant t) {
        AlertChange found = null;
        for (AlertChange c : changes) {
            if (!c.time().isAfter(t)) {
                found = c;
            }
        }
        return Optional.ofNullable(found);
    }

    AlertLevel levelAt(Instant t) {
        return at(t).map(AlertChange::level).orElse(AlertLevel.NONE);
    }

    Optional<AlertChange> latest() {
        return changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(changes.size() - 1));
    }

    List<AlertChange> all() {
        return List.copyOf(changes);
    }

    void restore(List<AlertChange> all) {
        changes.clear();
        all.forEach(this::add);
    }
}
