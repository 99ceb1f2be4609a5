package dev.lantian.agent.measure;

/** Reported statistic periods. {@link #MINUTE} is the site's configured minute interval (e.g. 10 min). */
public enum Period {
    MINUTE("minute"), HOUR("hour"), DAY("day");

    private final String label;

    Period(String label) {
        this.label = label;
    }

    /** The lower-case name used in files ({@code aggregates.csv}). */
    public String label() {
        return label;
    }
}
