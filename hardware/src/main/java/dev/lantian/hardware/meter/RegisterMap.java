package dev.lantian.hardware.meter;

import dev.lantian.hardware.reading.QualityFlag;
import dev.lantian.hardware.reading.Reading;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A device's register map, loaded from a YAML data file ({@link RegisterMapLoader}): which registers
 * to read and how to turn them into named readings.
 *
 * @param name        the name configurations select it by ({@code eastron-sdm630}) or the file path
 * @param description what device it describes and where the addresses come from
 * @param entries     the quantities, in file order
 * @param ratios      CT/PT ratios the entries may refer to
 */
public record RegisterMap(String name, String description, List<RegisterEntry> entries, List<Ratio> ratios) {
    public RegisterMap {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        entries = List.copyOf(entries);
        ratios = List.copyOf(ratios);
    }

    /** Field names in file order: what a channel's {@code source.field} may name. */
    public List<String> fields() {
        return entries.stream().map(RegisterEntry::field).toList();
    }

    /**
     * This map narrowed to {@code fields} (its ratios kept): a poll then reads only what the site
     * uses, which on a 9600-baud RS-485 line shared by several meters is bus time every cycle. Empty
     * {@code fields}: the whole map, so a device nothing reads from is still polled and its health seen.
     *
     * @throws IllegalArgumentException naming a field the map does not have
     */
    public RegisterMap only(Set<String> fields) {
        if (fields.isEmpty()) {
            return this;
        }
        List<String> unknown = fields.stream().filter(f -> entry(f).isEmpty()).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("register map " + name + " has no field " + String.join(", ", unknown)
                    + "; it has " + fields());
        }
        return new RegisterMap(name, description, entries.stream().filter(e -> fields.contains(e.field())).toList(),
                ratios);
    }

    public Optional<RegisterEntry> entry(String field) {
        return entries.stream().filter(e -> e.field().equals(field)).findFirst();
    }

    /**
     * The read requests one poll needs: contiguous registers of one table merged into one request of
     * at most {@value ReadBlock#MAX_REGISTERS} registers, split at gaps (an unmapped register may not
     * exist and make the whole read fail) and at function changes. Ratios the site overrides are
     * not read.
     */
    public List<ReadBlock> plan(Set<String> overriddenRatios) {
        List<RegisterEntry> wanted = new ArrayList<>(entries);
        for (Ratio r : ratios) {
            if (!overriddenRatios.contains(r.name())) {
                r.register().ifPresent(wanted::add);
            }
        }
        return merge(wanted);
    }

    /** Merges the registers of {@code wanted} into as few requests as the rules above allow. */
    public static List<ReadBlock> merge(List<RegisterEntry> wanted) {
        List<RegisterEntry> sorted = new ArrayList<>(wanted);
        sorted.sort(Comparator.comparing(RegisterEntry::function).thenComparingInt(RegisterEntry::address));
        List<ReadBlock> blocks = new ArrayList<>();
        RegisterEntry first = null;
        int end = 0;
        for (RegisterEntry e : sorted) {
            int eEnd = e.address() + e.type().words();
            boolean joins = first != null && e.function() == first.function() && e.address() <= end
                    && Math.max(end, eEnd) - first.address() <= ReadBlock.MAX_REGISTERS;
            if (joins) {
                end = Math.max(end, eEnd);
            } else {
                if (first != null) {
                    blocks.add(new ReadBlock(first.function(), first.address(), end - first.address()));
                }
                first = e;
                end = eEnd;
            }
        }
        if (first != null) {
            blocks.add(new ReadBlock(first.function(), first.address(), end - first.address()));
        }
        return blocks;
    }

    /**
     * Decodes one poll's registers. A quantity whose registers are missing is flagged {@code B}; one
     * that decodes to NaN/infinity or needs a ratio nobody could supply is flagged {@code D}.
     *
     * @param ratioOverrides site-configured ratios by name (they win over the meter's own registers)
     */
    public List<Reading> decode(RegisterImage image, Map<String, Double> ratioOverrides) {
        Map<String, Double> ratioValues = new HashMap<>();
        for (Ratio r : ratios) {
            Double v = ratioOverrides.get(r.name());
            if (v == null && r.register().isPresent()) {
                RegisterEntry reg = r.register().get();
                v = image.words(reg).map(w -> reg.raw(w) * reg.scale()).filter(x -> x > 0 && Double.isFinite(x))
                        .orElse(null);
            }
            if (v == null && r.defaultValue().isPresent()) {
                v = r.defaultValue().getAsDouble();
            }
            if (v != null) {
                ratioValues.put(r.name(), v);
            }
        }
        List<Reading> readings = new ArrayList<>(entries.size());
        for (RegisterEntry e : entries) {
            Optional<int[]> words = image.words(e);
            if (words.isEmpty()) {
                readings.add(new Reading(e.field(), Double.NaN, QualityFlag.B, e.cumulative()));
                continue;
            }
            double value = e.raw(words.get()) * e.scale();
            boolean ratioMissing = false;
            for (String ratio : e.ratios()) {
                Double rv = ratioValues.get(ratio);
                if (rv == null) {
                    ratioMissing = true;
                } else {
                    value *= rv;
                }
            }
            value += e.offset();
            boolean bad = ratioMissing || !Double.isFinite(value);
            readings.add(new Reading(e.field(), bad ? Double.NaN : value, bad ? QualityFlag.D : QualityFlag.N,
                    e.cumulative()));
        }
        return readings;
    }

    /** Names of the quantities marked cumulative. */
    public Set<String> cumulativeFields() {
        Set<String> out = new LinkedHashSet<>();
        entries.stream().filter(RegisterEntry::cumulative).forEach(e -> out.add(e.field()));
        return out;
    }
}
