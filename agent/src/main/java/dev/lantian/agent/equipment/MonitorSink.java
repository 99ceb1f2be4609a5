package dev.lantian.agent.equipment;

/** Where the stage hands its output: event notices and settled state changes, in the order they happen. */
public interface MonitorSink {
    void onEvent(EventNotice notice);

    void onStateChange(StateChange change);

    MonitorSink NONE = new MonitorSink() {
        @Override
        public void onEvent(EventNotice notice) {
        }

        @Override
        public void onStateChange(StateChange change) {
        }
    };
}
