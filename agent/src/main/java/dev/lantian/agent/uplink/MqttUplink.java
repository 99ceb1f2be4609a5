package dev.lantian.agent.uplink;

import dev.lantian.agent.config.SiteConfig.MqttProtocol;
import dev.lantian.agent.store.Outbox;
import dev.lantian.agent.store.Report;
import dev.lantian.agent.store.ReportArchive;
import dev.lantian.hardware.time.BoardClock;
import org.tinylog.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.random.RandomGenerator;

/**
 * The MQTT uplink. One publisher thread connects (with our own backoff), announces the board
 * (retained {@code online}, will {@code offline}), subscribes to commands and publishes the outbox
 * at QoS 1 through a bounded in-flight window: the live lane (reports appended after this
 * connection came up) newest first and at once, then the backlog lane oldest first and re-sent
 * history paced by {@link BacklogRate}. A report leaves the outbox only when the broker
 * acknowledged it; whatever was in flight when a connection broke is published again on the next
 * one, so a receiver sees at worst a repeated sequence number, never a gap.
 */
public final class MqttUplink implements Uplink {
    /** Longest pause of the publisher while waiting for a token, so a live report never waits long. */
    private static final Duration TOKEN_WAIT = Duration.ofMillis(50);

    private final MqttSettings settings;
    private final Outbox outbox;
    private final BrokerSession session;
    private final BoardClock clock;
    private final Backoff backoff;
    private final BacklogRate rate;
    private final Lanes lanes;
    private final Presence presence;
    private final BureauCommands commands;
    private final ExecutorService commandThread;
    private final Thread publisher;

    public MqttUplink(MqttSettings settings, Outbox outbox, ReportArchive archive, CommandTarget target,
                      BrokerSession session, BoardClock clock, RandomGenerator random) {
        this.settings = settings;
        this.outbox = outbox;
        this.session = session;
        this.clock = clock;
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffCap(), random);
        this.rate = new BacklogRate(clock, settings.backlogRate());
        this.lanes = new Lanes(outbox, settings.maxInFlight());
        this.presence = new Presence(settings, clock);
        String device = settings.topics().device();
        this.commands = new BureauCommands(device, new CommandParser(device, clock, settings.commandMaxAge()), target,
                archive, lanes::queueResend, this::view, clock);
        this.commandThread = Executors.newSingleThreadExecutor(r -> daemon(r, "lantian-uplink-commands"));
        this.publisher = daemon(this::run, "lantian-uplink");
    }

    /** The uplink for the configured protocol, through Paho. */
    public static MqttUplink create(MqttSettings settings, Outbox outbox, ReportArchive archive, CommandTarget target,
                                    BoardClock clock) {
        BrokerSession session = settings.protocol() == MqttProtocol.V5
                ? new PahoV5Session(settings) : new PahoV3Session(settings);
        return new MqttUplink(settings, outbox, archive, target, session, clock, RandomGenerator.getDefault());
    }

    @Override
    public void start() {
        publisher.start();
    }

    @Override
    public void wake() {
        lanes.signal();
    }

    @Override
    public UplinkView view() {
        long pending;
        try {
            pending = outbox.pendingCount();
        } catch (RuntimeException e) {
            pending = -1;
        }
        return lanes.view(session.target(), pending);
    }

    @Override
    public void close() {
        if (!lanes.close()) {
            return;
        }
        publisher.interrupt();
        try {
            publisher.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        commandThread.shutdownNow();
        presence.goOffline(session);
        session.disconnect();
    }

    private void run() {
        while (!lanes.isClosed()) {
            try {
                if (!lanes.connected()) {
                    session.disconnect();
                    if (!connect()) {
                        Duration pause = backoff.next();
                        Logger.debug("uplink: next attempt in {} ms", pause.toMillis());
                        clock.sleep(pause);
                    }
                    continue;
                }
                Lanes.Batch batch = lanes.next(rate);
                if (!batch.isEmpty()) {
                    List<Report> reports = batch.reports();
                    for (int i = 0; i < reports.size(); i++) {
                        if (!publish(reports.get(i))) {
                            // the client's window is full: hold the rest back, in order, for the next round
                            reports.subList(i + 1, reports.size()).forEach(r -> lanes.busy(r, lanes.epoch()));
                            break;
                        }
                    }
                } else if (batch.waitForToken()) {
                    Duration d = rate.untilNext();
                    clock.sleep(d.compareTo(TOKEN_WAIT) > 0 ? TOKEN_WAIT : d);
                } else {
                    lanes.awaitWork(Duration.ofMillis(200));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // a store error must not end the uplink: note it, pause, carry on
                Logger.error(e, "uplink: unexpected error, retrying");
                lanes.noteError(e.toString());
                try {
                    clock.sleep(backoff.next());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private boolean connect() {
        // the epoch this connection will have: a late "lost" from an earlier client must not end it
        long epoch = lanes.epoch() + 1;
        try {
            session.connect(presence.will(), settings.maxInFlight() + 8, new BrokerSession.Listener() {
                @Override
                public void lost(Throwable cause) {
                    lanes.lost(epoch, String.valueOf(cause));
                }

                @Override
                public void message(String topic, byte[] payload, boolean retained) {
                    onCommand(payload, retained);
                }
            });
            session.subscribe(settings.topics().command());
            presence.goOnline(session);
        } catch (IOException | RuntimeException e) {
            session.disconnect();
            if (lanes.isClosed()) {
                return false; // interrupted by close(): not a broker problem
            }
            lanes.noteError(e.getMessage());
            Logger.warn("uplink: cannot connect to {}: {}", session.target(), e.getMessage());
            return false;
        }
        backoff.reset();
        lanes.connected(outbox.newestPending(1));
        Logger.info("uplink: connected to {}", session.target());
        return true;
    }

    /** False when the client library's window was full and {@code r} was not sent. */
    private boolean publish(Report r) {
        long epoch = lanes.epoch();
        byte[] payload = Lanes.payload(r);
        String topic = settings.topics().report(r.device(), r.kind());
        try {
            session.publish(topic, payload, false, new BrokerSession.Delivery() {
                @Override
                public void acknowledged() {
                    lanes.acknowledged(r, epoch, clock.instant());
                }

                @Override
                public void failed(Throwable cause) {
                    lanes.failed(r, epoch, String.valueOf(cause));
                }
            });
            lanes.published();
        } catch (BrokerSession.Busy e) {
            lanes.busy(r, epoch);
            return false;
        } catch (IOException | RuntimeException e) {
            lanes.failed(r, epoch, e.getMessage());
        }
        return true;
    }

    private void onCommand(byte[] payload, boolean retained) {
        try {
            commandThread.execute(() -> {
                String reply = retained ? commands.refuseRetained(payload) : commands.handle(payload);
                try {
                    session.publish(settings.topics().reply(), reply.getBytes(StandardCharsets.UTF_8), false,
                            Presence.IGNORE);
                } catch (IOException | RuntimeException e) {
                    Logger.warn("uplink: reply not sent: {}", e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            Logger.warn("uplink: closing, command ignored");
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
