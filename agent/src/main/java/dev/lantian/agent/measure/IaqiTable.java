package dev.lantian.agent.measure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Individual air quality index (HJ 633-2012) from a breakpoint table kept as data
 * ({@code iaqi-hj633-2012.csv}): IAQI = (I_hi − I_lo)/(C_hi − C_lo)·(C − C_lo) + I_lo, rounded up.
 * Concentrations above the table's top step give the top index (the standard does not extrapolate).
 */
public final class IaqiTable {
    private static final String RESOURCE = "iaqi-hj633-2012.csv";

    private final double[] index;
    private final Map<String, double[]> concentrations;

    private IaqiTable(double[] index, Map<String, double[]> concentrations) {
        this.index = index;
        this.concentrations = concentrations;
    }

    /** The HJ 633-2012 24-hour table shipped with the agent. */
    public static IaqiTable hj633() {
        try (InputStream in = IaqiTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a table: {@code #} comments, a header {@code iaqi,<quantity>…}, rising rows. */
    public static IaqiTable parse(InputStream in) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String[] header = null;
        List<double[]> rows = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split(",");
            if (header == null) {
                header = cells;
                continue;
            }
            if (cells.length != header.length) {
                throw new IOException("IAQI row has " + cells.length + " cells, header has " + header.length + ": " + line);
            }
            double[] row = new double[cells.length];
            for (int i = 0; i < cells.length; i++) {
                row[i] = Double.parseDouble(cells[i].strip());
            }
            if (!rows.isEmpty()) {
                for (int i = 0; i < row.length; i++) {
                    if (!(row[i] > rows.get(rows.size() - 1)[i])) {
                        throw new IOException("IAQI table column " + header[i] + " must rise: " + line);
                    }
                }
            }
            rows.add(row);
        }
        if (header == null || rows.size() < 2 || !header[0].strip().equals("iaqi")) {
            throw new IOException("IAQI table needs a header starting with iaqi and at least two rows");
        }
        double[] index = rows.stream().mapToDouble(r -> r[0]).toArray();
        Map<String, double[]> columns = new HashMap<>();
        for (int c = 1; c < header.length; c++) {
            int col = c;
            columns.put(header[c].strip(), rows.stream().mapToDouble(r -> r[col]).toArray());
        }
        return new IaqiTable(index, Map.copyOf(columns));
    }

    public boolean covers(String quantity) {
        return concentrations.containsKey(quantity);
    }

    /** The sub-index of a 24-hour average concentration; empty for an unknown quantity or a negative/NaN value. */
    public OptionalInt iaqi(String quantity, double concentration) {
        double[] c = concentrations.get(quantity);
        if (c == null || !(concentration >= 0)) {
            return OptionalInt.empty();
        }
        if (concentration >= c[c.length - 1]) {
            return OptionalInt.of((int) index[index.length - 1]);
        }
        int hi = 1;
        while (concentration > c[hi]) {
            hi++;
        }
        int lo = hi - 1;
        double value = (index[hi] - index[lo]) / (c[hi] - c[lo]) * (concentration - c[lo]) + index[lo];
        // Guard against 72.00000000001 rounding up to 73 through float noise.
        return OptionalInt.of((int) Math.ceil(value - 1e-9));
    }
}
