package dev.lantian.agent.assembly;

import dev.lantian.agent.store.Outbox;
import dev.lantian.agent.uplink.Uplink;
import dev.lantian.agent.uplink.UplinkView;
import java.util.Optional;

/**
 * The uplink of a board whose site file has no {@code uplink:}: it sends nothing, so every report
 * stays in the store (the local record) until retention removes it. The view says so.
 */
public final class LocalOnlyUplink implements Uplink {
    private final Outbox outbox;

    public LocalOnlyUplink(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void start() {
    }

    @Override
    public void wake() {
    }

    @Override
    public UplinkView view() {
        return new UplinkView("none (local record only)", false, outbox.pendingCount(), 0, 0, 0, Optional.empty(),
                Optional.empty());
    }

    @Override
    public void close() {
    }
}
