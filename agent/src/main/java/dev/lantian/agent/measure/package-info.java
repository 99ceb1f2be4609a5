/**
 * Measurement: samples in, period statistics, sliding windows, real-time values, alarms and rejections out.
 *
 * <p>Entry point: {@link dev.lantian.agent.measure.MeasurementStage} ({@code accept(Sample)},
 * {@code flush(Instant)}, {@code clockStepped}, {@code sensorStarted}, {@code currentView}); the
 * {@link dev.lantian.agent.measure.Replay} engine drives the same stage from a CSV file.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li><b>Period hierarchy.</b> Every channel keeps one-minute bins whatever the reported minute
 *       interval. A one-minute value is valid with enough valid (N, not rejected) samples:
 *       {@code ceil(60 s / max(period, 5 s))} (HJ 212's 12 samples at ≤ 5 s, scaled; configurable per
 *       channel). The reported minute interval (k minutes) and the hour are built from the one-minute
 *       values: the interval is valid with ≥ 75 % valid minutes ({@code ceil(0.75 k)}: the share of HJ 212's
 *       45 of 60), the hour with ≥ 45 valid minutes; the day is built from hours, valid with ≥ 20 valid
 *       hours. Averages at each level are means of the valid values below (samples, minutes, hours).</li>
 *   <li><b>Flags.</b> A period is N when ≥ 75 % of its underlying values are N, else the most frequent
 *       other flag (ties by {@code QualityFlag.dominance()}). An underlying minute with no sample counts
 *       as B (nothing reached the board); a rejected sample counts as F (warm-up) or D (spike). Fog and
 *       below-range readings are flagged D, above-range T, never corrected.</li>
 *   <li><b>Clock steps</b> force D on every period they touch, with {@code Note.CLOCK_STEP}: HJ 212 has no
 *       letter for a time fault and D keeps the period out of the bureau's compliance statistics, which
 *       is what data with untrustworthy timestamps deserves. Samples repeating time already measured
 *       are rejected as LATE, skipped periods close empty, so nothing is counted twice or lost.</li>
 *   <li><b>Counters.</b> An increase belongs to the period of the later reading. Rollover, reset and
 *       unexplained drops are {@code CounterEvent}s and notes on the period, never negative increases.</li>
 *   <li><b>Zones.</b> Hours and days follow the site zone's local time; a DST day has 23 or 25 hours.</li>
 * </ul>
 */
package dev.lantian.agent.measure;
