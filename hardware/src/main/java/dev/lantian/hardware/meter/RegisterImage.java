package dev.lantian.hardware.meter;

import dev.lantian.hardware.modbus.RegisterFunction;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The registers one poll brought back, by table and address; what the decoder reads from. */
public final class RegisterImage {
    private final Map<RegisterFunction, Map<Integer, Integer>> tables = new EnumMap<>(RegisterFunction.class);

    /** Records the answer to one block. */
    public void put(ReadBlock block, int[] words) {
        if (words.length != block.count()) {
            throw new IllegalArgumentException("block " + block + " got " + words.length + " registers");
        }
        Map<Integer, Integer> table = tables.computeIfAbsent(block.function(), f -> new HashMap<>());
        for (int i = 0; i < words.length; i++) {
            table.put(block.address() + i, words[i] & 0xFFFF);
        }
    }

    /** The registers of {@code entry}, or empty when one of them was not read. */
    public Optional<int[]> words(RegisterEntry entry) {
        Map<Integer, Integer> table = tables.getOrDefault(entry.function(), Map.of());
        int[] words = new int[entry.type().words()];
        for (int i = 0; i < words.length; i++) {
            Integer w = table.get(entry.address() + i);
            if (w == null) {
                return Optional.empty();
            }
            words[i] = w;
        }
        return Optional.of(words);
    }
}
