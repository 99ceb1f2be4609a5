package dev.lantian.agent.measure;

import dev.lantian.agent.model.Sample;
import dev.lantian.hardware.reading.QualityFlag;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads raw samples for a replay: header {@code channel,time,value,flag} (or without {@code flag}),
 * ISO-8601 times with an offset, decimal values (empty only with a non-N flag: a silent source),
 * flag one of N F M S D C T B (default N). The whole file is checked before anything runs and every
 * bad line is reported.
 */
final class ReplayInput {
    static final String HEADER = "channel,time,value,flag";
    private static final String SHORT_HEADER = "channel,time,value";
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private ReplayInput() {
    }

    static List<Sample> read(Path input, Set<String> channels) throws IOException, ReplayInputException {
        List<Sample> samples = new ArrayList<>();
        List<ReplayInputException.InputError> errors = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header == null) {
                throw new ReplayInputException(input, List.of(new ReplayInputException.InputError(1, "empty file, expected header " + HEADER)));
            }
            header = header.strip();
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            int columns = header.equals(HEADER) ? 4 : header.equals(SHORT_HEADER) ? 3 : -1;
            if (columns < 0) {
                errors.add(new ReplayInputException.InputError(1, "header must be '" + HEADER + "', got '" + header + "'"));
                columns = 4;
            }
            String line;
            int number = 1;
            while ((line = reader.readLine()) != null) {
                number++;
                parse(line, number, columns, channels, samples, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new ReplayInputException(input, errors);
        }
        return samples;
    }

    private static void parse(String line, int number, int columns, Set<String> channels, List<Sample> samples,
                              List<ReplayInputException.InputError> errors) {
        String[] cells = line.split(",", -1);
        if (cells.length != columns && !(columns == 4 && cells.length == 3)) {
            errors.add(new ReplayInputException.InputError(number, "expected " + columns + " columns, got " + cells.length));
            return;
        }
        List<String> problems = new ArrayList<>();
        String channel = cells[0].strip();
        if (!channels.contains(channel)) {
            problems.add("unknown channel '" + channel + "'");
        }
        OffsetDateTime time = null;
        try {
            time = OffsetDateTime.parse(cells[1].strip());
        } catch (DateTimeParseException e) {
            problems.add("bad time '" + cells[1].strip() + "' (ISO-8601 with offset, e.g. 2026-11-20T08:00:00+08:00)");
        }
        QualityFlag flag = QualityFlag.N;
        String flagText = cells.length > 3 ? cells[3].strip() : "";
        if (!flagText.isEmpty()) {
            Optional<QualityFlag> parsed = QualityFlag.fromCode(flagText);
            if (parsed.isEmpty()) {
                problems.add("unknown flag '" + flagText + "' (one of N F M S D C T B)");
            } else {
                flag = parsed.get();
            }
        }
        String valueText = cells[2].strip();
        double value = Double.NaN;
        if (valueText.isEmpty()) {
            if (flag.isNormal()) {
                problems.add("a value is required with flag N");
            }
        } else if (!NUMBER.matcher(valueText).matches()) {
            problems.add("bad number '" + valueText + "'");
        } else {
            value = Double.parseDouble(valueText);
            if (!Double.isFinite(value)) {
                problems.add("number out of range '" + valueText + "'");
            }
        }
        if (!problems.isEmpty()) {
            errors.add(new ReplayInputException.InputError(number, String.join("; ", problems)));
            return;
        }
        samples.add(new Sample(channel, time.toInstant(), value, flag));
    }
}
