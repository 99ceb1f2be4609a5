package dev.lantian.agent.measure;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A replay input with malformed lines: every one of them, with its line number. The CLI exits 2. */
public final class ReplayInputException extends Exception {
    private final transient List<InputError> errors;

    /** One bad line of the input. */
    public record InputError(int line, String message) {
        @Override
        public String toString() {
            return "line " + line + ": " + message;
        }
    }

    public ReplayInputException(Path input, List<InputError> errors) {
        super(input + ": " + errors.size() + " malformed line(s)\n"
                + errors.stream().map(InputError::toString).collect(Collectors.joining("\n")));
        this.errors = List.copyOf(errors);
    }

    public List<InputError> errors() {
        return errors;
    }
}
