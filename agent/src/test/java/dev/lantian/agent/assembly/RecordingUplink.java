package dev.lantian.agent.assembly;

import dev.lantian.agent.uplink.Uplink;
import dev.lantian.agent.uplink.UplinkView;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** An uplink that sends nothing and records what the pipeline asked of it. */
final class RecordingUplink implements Uplink {
    final AtomicInteger wakes = new AtomicInteger();
    final AtomicBoolean started = new AtomicBoolean();
    final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public void start() {
        started.set(true);
    }

    @Override
    public void wake() {
        wakes.incrementAndGet();
    }

    @Override
    public UplinkView view() {
        return new UplinkView("recording", false, 0, 0, 0, 0, Optional.empty(), Optional.empty());
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
