package dev.lantian.agent.config;

import static dev.lantian.agent.config.HardwareSchema.ID;
import static dev.lantian.agent.config.Key.defaulted;
import static dev.lantian.agent.config.Key.optional;
import static dev.lantian.agent.config.Key.required;

import dev.lantian.agent.config.ValueType.Choice;
import dev.lantian.agent.config.ValueType.Decimal;
import dev.lantian.agent.config.ValueType.Flag;
import dev.lantian.agent.config.ValueType.ListOf;
import dev.lantian.agent.config.ValueType.Section;
import dev.lantian.agent.config.ValueType.Span;
import dev.lantian.agent.config.ValueType.Text;
import dev.lantian.agent.config.ValueType.Whole;
import java.time.Duration;
import java.util.List;

/** Declaration of the {@code channels} and {@code equipment} sections. */
final class MeasurementSchema {
    private MeasurementSchema() {
    }

    private static final Span PERIOD = Span.range(Duration.ofMillis(100), Duration.ofHours(1));

    static final Section LIMIT = new Section(List.of(
            required("id", ID, "Name of this limit, carried by its events. Unique among all limits."),
            required("above", Decimal.any(), "The alarm starts when the value stays above this (channel unit)."),
            optional("clear_below", Decimal.any(), "The alarm ends when the value falls below this; must not exceed"
                    + " `above`. The gap stops an alarm flapping around the limit. Default: `above`."),
            defaulted("min_duration", Span.range(Duration.ZERO, Duration.ofDays(1)), "0s",
                    "The value must stay above `above` this long before the alarm starts."),
            defaulted("severity", Choice.of("warning", "alarm"), "warning",
                    "How serious crossing this limit is; carried by its events so the console and the platform can rank them.")));

    static final Section CHANNEL = new Section(List.of(
            required("id", ID, "Name of this channel, used by equipment, fog checks and reports. Unique among channels."),
            required("quantity", Text.matching("[a-z][a-z0-9_]*", "a lower-case word such as active_power, current, pm10"),
                    "What is measured: active_power, current, voltage, energy, pm10, pm2_5, tsp, nmhc, tvoc, voc_index,"
                            + " humidity, temperature, pressure, run_contact, …"),
            required("unit", Text.any(), "Unit of the values, as the receiving platform expects it (kW, A, V, kWh, ug/m3,"
                    + " mg/m3, %, C, 1). Quote units YAML could misread: \"%\", \"1\"."),
            required("source", new Section(List.of(
                    required("device", ID, "The `devices[].id` read."),
                    required("field", Text.any(), "Which of the device's fields (see the field table at the end)."))),
                    "Where the values come from: one field of one device, e.g. `{ device: meter-line1, field: total_power }`."),
            required("sampling_period", PERIOD, "How often a value is taken. Minute values need enough samples per minute"
                    + " (HJ 212: at least 12 at 5s), so keep it at 5s or below for reported channels."),
            defaulted("cumulative", new Flag(), "false", "true for counters that only grow (energy in kWh): reports then"
                    + " carry the counter (-Cou) and period differences instead of averages."),
            optional("hj212_code", Text.matching("[a-z]\\d{5}", "a letter and five digits, e.g. a34002"),
                    "HJ 212 factor code under which the channel is reported: a34002 PM10, a34004 PM2.5, a34001 TSP,"
                            + " a24088 NMHC, a01001 temperature, a01002 humidity, i33200 current/power, i33201 cumulative kWh."
                            + " Channels without a code are kept locally but not sent to the bureau."),
            defaulted("windows", new ListOf(Span.range(Duration.ofMinutes(1), Duration.ofDays(31)), 0), "[]",
                    "Sliding windows whose average is kept up to date with every sample, e.g. [5m, 1h, 24h]."),
            optional("valid_range", new Section(List.of(
                    required("min", Decimal.any(), "Lowest plausible value."),
                    required("max", Decimal.any(), "Highest plausible value; above it a value is flagged T (over range)."))),
                    "Values outside this range are flagged, not dropped, e.g. `{ min: 0, max: 1000 }` for a PMS5003."),
            optional("fog", new Section(List.of(
                    required("humidity_channel", ID, "The `channels[].id` of a relative-humidity channel near the sensor."),
                    defaulted("above", new Decimal(0, true, 100, false), "85",
                            "Relative humidity (%) above which the value is flagged."))),
                    "Optical PM sensors read high in fog: values taken while humidity is above `above` are flagged, not corrected."),
            optional("spike", new Section(List.of(
                    defaulted("window", Whole.range(3, 101), "7", "Number of neighbouring samples the median is taken over."),
                    defaulted("threshold", Decimal.positive(), "3.0",
                            "A sample further than this many median absolute deviations from the median is flagged."))),
                    "Flags isolated spikes (a median/MAD test)."),
            defaulted("calibration", new Section(List.of(
                    defaulted("zero", Decimal.any(), "0.0", "The raw reading at zero (zero gas, clean air), subtracted from every raw value (channel unit)."),
                    defaulted("span", Decimal.positive(), "1.0", "Factor applied after the zero: value = (raw − zero) × span."))),
                    "", "Correction from the last calibration against a reference instrument."),
            defaulted("limits", new ListOf(LIMIT, 0), "[]", "Alarm thresholds on this channel.")));

    static final Section EQUIPMENT = new Section(List.of(
            required("id", ID, "Name of this equipment, used by linkage, emergency and staggered production. Unique."),
            optional("name", Text.any(), "Human name shown on the console and in reports, e.g. 1号破碎线. Default: the id."),
            required("role", Choice.of("production", "treatment"),
                    "production: a unit that emits (crusher, coating line); treatment: a unit that cleans (bag filter fan, VOC unit)."),
            required("rated_power", Decimal.positive(), "Nameplate power in kW; load shares are taken of it."),
            required("measured_by", new Section(List.of(
                    optional("power", ID, "Channel with the active power (kW). Preferred for the state decision."),
                    defaulted("currents", new ListOf(ID, 0), "[]", "Channels with the phase currents (A)."),
                    defaulted("voltages", new ListOf(ID, 0), "[]", "Channels with the phase voltages (V); voltage without"
                            + " current tells a removed clamp from a stopped machine."),
                    optional("contact", ID, "Channel of the run relay (a dry-contact device's state)."),
                    optional("energy", ID, "Channel with the cumulative energy counter (kWh)."))),
                    "The channels that show whether this equipment runs. At least one must be given."),
            required("state", new Section(List.of(
                    required("standby_above", Decimal.atLeast(0), "Above this the equipment is energised (STANDBY)."
                            + " In kW when a power channel is given, else in A of the highest phase current."),
                    required("running_above", Decimal.positive(), "Above this it becomes RUNNING (same unit)."),
                    required("running_below", Decimal.atLeast(0), "Below this a RUNNING equipment stops running (same"
                            + " unit). Must not exceed running_above: the gap is the hysteresis that stops flapping."),
                    defaulted("low_load_share", new Decimal(0, true, 1, true), "0.3",
                            "Running below this share of rated_power counts as LOW_LOAD (idling, slowed down)."),
                    defaulted("min_dwell", Span.range(Duration.ZERO, Duration.ofHours(1)), "30s",
                            "A new state must hold this long before it is accepted."),
                    defaulted("stale_after", Span.range(Duration.ofSeconds(1), Duration.ofHours(1)), "30s",
                            "Without fresh data for this long the state becomes UNKNOWN (meter lost)."))),
                    "Thresholds that decide OFF / STANDBY / RUNNING / LOW_LOAD."),
            optional("baseline_power", Decimal.positive(), "Power (kW) that emergency limits are shares of. Without it"
                    + " the baseline is learnt from history (see emergency.baseline).")));
}
