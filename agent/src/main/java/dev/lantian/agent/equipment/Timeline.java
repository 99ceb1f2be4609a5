package dev.lantian.agent.equipment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The settled state history of every unit, oldest first, kept for {@link #RETENTION} (far longer than
 * any grace, lead or lag) so the rules can ask "since when" without keeping their own memory.
 */
final class Timeline {
    static final Duration RETENTION = Duration.ofHours(48);
    private final Map<String, List<StateChange>> changes = new HashMap<>();

    void add(StateChange c) {
        List<StateChange> l = changes.computeIfAbsent(c.equipment(), k -> new ArrayList<>());
        l.add(c);
        Instant oldest = c.time().minus(RETENTION);
        while (l.size() > 2 && l.get(1).time().isBefore(oldest)) {
            l.remove(0);
        }
    }

    EquipmentState stateAt(String eq, Instant t) {
        int i = indexAt(eq, t);
        return i < 0 ? EquipmentState.UNKNOWN : changes.get(eq).get(i).to();
    }

    /** The change that began the state in force at {@code t}, if any is remembered. */
    Optional<StateChange> changeAt(String eq, Instant t) {
        int i = indexAt(eq, t);
        return i < 0 ? Optional.empty() : Optional.of(changes.get(eq).get(i));
    }

    /**
     * Start of the longest stretch ending at {@code t} during which {@code p} held, assuming it holds at
     * {@code t}; empty when it held since the beginning of what is remembered.
     */
    Optional<StateChange> episodeStart(String eq, Instant t, Predicate<EquipmentState> p) {
        List<StateChange> l = changes.getOrDefault(eq, List.of());
        for (int i = indexAt(eq, t); i >= 0; i--) {
            if (!p.test(l.get(i).from())) {
                return Optional.of(l.get(i));
            }
        }
        return Optional.empty();
    }

    /** Like {@link #episodeStart} but falls back to the oldest remembered instant. */
    Instant episodeStartTime(String eq, Instant t, Predicate<EquipmentState> p) {
        return episodeStart(eq, t, p).map(StateChange::time).orElseGet(() -> first(eq).orElse(t));
    }

    /** First change after {@code after} (exclusive) up to {@code until} (inclusive) into a state matching {@code p}. */
    Optional<StateChange> firstChangeInto(String eq, Instant after, Instant until, Predicate<EquipmentState> p) {
        for (StateChange c : changes.getOrDefault(eq, List.of())) {
            if (c.time().isAfter(after) && !c.time().isAfter(until) && p.test(c.to())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private Optional<Instant> first(String eq) {
        List<StateChange> l = changes.getOrDefault(eq, List.of());
        return l.isEmpty() ? Optional.empty() : Optional.of(l.get(0).time());
    }

    private int indexAt(String eq, Instant t) {
        List<StateChange> l = changes.getOrDefault(eq, List.of());
        for (int i = l.size() - 1; i >= 0; i--) {
            if (!l.get(i).time().isAfter(t)) {
                return i;
            }
        }
        return -1;
    }

    List<StateChange> all() {
        List<StateChange> out = new ArrayList<>();
        changes.values().forEach(out::addAll);
        return out;
    }

    void restore(List<StateChange> all) {
        changes.clear();
        all.stream().sorted(java.util.Comparator.comparing(StateChange::time)).forEach(this::add);
    }
}
