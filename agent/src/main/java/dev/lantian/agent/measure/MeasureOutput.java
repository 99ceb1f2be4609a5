package dev.lantian.agent.measure;

/** Everything the measurement stage hands on (to the store, the uplink and the console). */
public sealed interface MeasureOutput
        permits Aggregate, RealtimeValue, Alarm, Rejected, Flagged, WindowView, CounterEvent {

    String channel();
}
