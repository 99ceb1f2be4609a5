package dev.lantian.agent.uplink;

import dev.lantian.agent.store.Outbox;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportJson;
import org.tinylog.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which reports go next, and the bookkeeping of what is in flight. Live lane: reports with a
 * sequence above the newest one pending when the connection came up, newest first, unpaced.
 * Backlog lane: the older ones, oldest first, one token each. Resend lane: history copies, after
 * the backlog, paced by the same tokens. Everything in flight belongs to one connection (its
 * epoch); when that connection breaks the window empties and the outbox still holds those reports.
 */
final class Lanes {
    private record Key(String device, long sequence, boolean resent) {
        static Key of(Report r) {
            return new Key(r.device(), r.sequence(), r.resent());
        }
    }

    private record Flight(Report report, long epoch) {
    }

    /** What to publish now; {@code waitForToken} when only the pacing holds things back. */
    record Batch(List<Report> reports, boolean waitForToken) {
        boolean isEmpty() {
            return reports.isEmpty();
        }
    }

    private final Outbox outbox;
    private final int window;
    private final Map<Key, Flight> inFlight = new HashMap<>();
    private final Map<String, Long> liveAfter = new HashMap<>();
    private final ArrayDeque<Report> resend = new ArrayDeque<>();
    private boolean connected;
    private boolean closed;
    private boolean signalled;
    private boolean busy;
    private long epoch;
    private long connects;
    private long published;
    private long acknowledged;
    private Instant lastAckAt;
    private String lastError;

    Lanes(Outbox outbox, int window) {
        this.outbox = outbox;
        this.window = window;
    }

    static byte[] payload(Report r) {
        return ReportJson.write(r).getBytes(StandardCharsets.UTF_8);
    }

    synchronized Batch next(BacklogRate rate) {
        if (busy && inFlight.isEmpty()) {
            busy = false; // the library's window is full of other messages: no ack of ours will clear it
        }
        int free = window - inFlight.size();
        if (!connected || free <= 0 || busy) {
            return new Batch(List.of(), false);
        }
        List<Report> out = new ArrayList<>();
        for (Report r : outbox.newestPending(2 * window)) {
            if (out.size() < free && isLive(r) && !inFlight.containsKey(Key.of(r))) {
                out.add(r);
            }
        }
        boolean short_ = false;
        if (out.size() < free) {
            for (Report r : outbox.oldestPending(2 * window)) {
                if (out.size() >= free) {
                    break;
                }
                if (isLive(r) || inFlight.containsKey(Key.of(r))) {
                    continue;
                }
                if (!rate.tryTake()) {
                    short_ = true;
                    break;
                }
                out.add(r);
            }
        }
        while (!short_ && out.size() < free && !resend.isEmpty()) {
            if (!rate.tryTake()) {
                short_ = true;
                break;
            }
            out.add(resend.poll());
        }
        for (Report r : out) {
            inFlight.put(Key.of(r), new Flight(r, epoch));
        }
        return new Batch(out, out.isEmpty() && short_);
    }

    private boolean isLive(Report r) {
        return !r.resent() && r.sequence() > liveAfter.getOrDefault(r.device(), 0L);
    }

    synchronized void connected(List<Report> newestPending) {
        epoch++;
        connects++;
        connected = true;
        busy = false;
        inFlight.clear();
        liveAfter.clear();
        for (Report r : newestPending) {
            liveAfter.merge(r.device(), r.sequence(), Math::max);
        }
        notifyAll();
    }

    synchronized boolean connected() {
        return connected;
    }

    synchronized long epoch() {
        return epoch;
    }

    /** Connection {@code which} broke: nothing is in flight any more; history copies go back in their queue. */
    synchronized void lost(long which, String why) {
        if (!connected || which != epoch) {
            return;
        }
        connected = false;
        List<Report> again = inFlight.values().stream().map(Flight::report).filter(Report::resent)
                .sorted(Comparator.comparingLong(Report::sequence).reversed()).toList();
        again.forEach(resend::addFirst);
        inFlight.clear();
        lastError = why;
        signalled = true;
        notifyAll();
        Logger.warn("uplink: connection lost: {}", why);
    }

    /** The broker acknowledged {@code r} (sent on connection {@code sentOn}). */
    void acknowledged(Report r, long sentOn, Instant now) {
        if (!r.resent()) {
            try {
                outbox.acknowledge(r.device(), r.sequence());
            } catch (RuntimeException e) {
                // stays pending and is sent again: a duplicate, never a loss
                Logger.error(e, "uplink: cannot mark report {} acknowledged", r.sequence());
                noteError(e.toString());
            }
        }
        synchronized (this) {
            Flight f = inFlight.get(Key.of(r));
            if (f != null && f.epoch() == sentOn) {
                inFlight.remove(Key.of(r));
            }
            acknowledged++;
            busy = false;
            lastAckAt = now;
            signalled = true;
            notifyAll();
        }
    }

    /** A publish failed: the connection it was sent on is no good; reconnect and send again. */
    synchronized void failed(Report r, long sentOn, String why) {
        lost(sentOn, "publish of " + r.sequence() + " failed: " + why);
    }

    /** The client library's window was full: {@code r} was not sent; hold back until an acknowledgement. */
    synchronized void busy(Report r, long sentOn) {
        Flight f = inFlight.get(Key.of(r));
        if (f != null && f.epoch() == sentOn) {
            inFlight.remove(Key.of(r));
            if (r.resent()) {
                resend.addFirst(r);
            }
        }
        busy = sentOn == epoch;
    }

    synchronized void published() {
        published++;
    }

    synchronized void queueResend(List<Report> copies) {
        resend.addAll(copies);
        signalled = true;
        notifyAll();
    }

    synchronized void signal() {
        signalled = true;
        notifyAll();
    }

    synchronized void awaitWork(Duration timeout) throws InterruptedException {
        if (!signalled && !closed) {
            wait(Math.max(1, timeout.toMillis()));
        }
        signalled = false;
    }

    synchronized void noteError(String why) {
        lastError = why;
    }

    /** Returns false when it was closed already. */
    synchronized boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        connected = false;
        notifyAll();
        return true;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    synchronized UplinkView view(String target, long pending) {
        return new UplinkView(target, connected, pending, published, acknowledged, Math.max(0, connects - 1),
                Optional.ofNullable(lastAckAt), Optional.ofNullable(lastError));
    }
}
