package dev.lantian.simulator.demo;

import dev.lantian.simulator.bureau.BureauReceiver;
import dev.lantian.simulator.bureau.BureauTally;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stages the scenario's broker outages through an {@link OutageRelay}: when the plant says the broker
 * is down the relay is cut, and the demo waits (bounded) until the bureau has seen the board's last
 * will ("offline"); when the outage ends the relay is restored and the demo waits until the board is
 * back "online", so the outage spans the scripted plant time however fast the demo runs. What the
 * board held in its outbox meanwhile must then reach the bureau like everything else.
 */
final class BrokerOutage {
    /** One staged outage: plant times, reports the board held when it ended, and what the bureau saw. */
    record Window(Instant from, Instant to, long held, boolean offlineSeen, boolean backOnline) {
    }

    private final OutageRelay relay;
    private final BureauReceiver bureau;
    private final DemoAgent agent;
    private final Duration presenceWait;
    private final List<Window> windows = new ArrayList<>();
    private Instant from;
    private boolean offlineSeen;

    BrokerOutage(OutageRelay relay, BureauReceiver bureau, DemoAgent agent, Duration presenceWait) {
        this.relay = relay;
        this.bureau = bureau;
        this.agent = agent;
        this.presenceWait = presenceWait;
    }

    /** Cuts or restores the relay as the plant says at plant time {@code t}; a problem when the bureau did not see it. */
    Optional<String> follow(boolean down, Instant t) {
        if (down == relay.isCut()) {
            return Optional.empty();
        }
        if (down) {
            relay.cut();
            from = t;
            offlineSeen = Await.until(() -> presence().equals("offline"), presenceWait);
            return offlineSeen ? Optional.empty()
                    : Optional.of("broker outage at " + t + ": the bureau never saw the board go offline");
        }
        try {
            relay.restore();
        } catch (IOException e) {
            return Optional.of("broker outage end at " + t + ": the relay could not listen again: " + e.getMessage());
        }
        long held = agent.reportsPending();
        boolean online = Await.until(() -> presence().equals("online"), presenceWait);
        windows.add(new Window(from, t, held, offlineSeen, online));
        return online ? Optional.empty()
                : Optional.of("broker outage end at " + t + ": the board did not come back online within "
                + presenceWait.toSeconds() + " s");
    }

    List<Window> windows() {
        return List.copyOf(windows);
    }

    private String presence() {
        return bureau.tally().device(agent.deviceId()).map(BureauTally.DeviceTally::state).orElse("?");
    }
}
