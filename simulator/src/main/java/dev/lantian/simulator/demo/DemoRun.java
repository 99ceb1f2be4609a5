package dev.lantian.simulator.demo;

import dev.lantian.simulator.bureau.BureauLedger;
import dev.lantian.simulator.bureau.BureauReceiver;
import dev.lantian.simulator.bureau.BureauTally;
import dev.lantian.simulator.bureau.ReportSchema;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One demo: the bureau subscribes, the board starts, then plant and board advance together in
 * {@code step}s of plant time, paced so the scenario takes about {@code wallTarget} (zero: as fast as
 * they go). After the scenario end it waits, at most {@code drainLimit}, for the board's outbox to
 * empty and the bureau to have every report, then compares what was flagged with what was staged.
 */
public final class DemoRun {
    private static final DateTimeFormatter PLANT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /**
     * @param commandReply how long the board may take to answer a bureau order, and to be seen going
     *                     offline or back online around a staged broker outage
     */
    public record Settings(Duration step, Duration wallTarget, Duration drainLimit, Duration commandReply, ZoneId zone) {
        public Settings {
            Objects.requireNonNull(zone, "zone");
            if (step.isNegative() || step.isZero()) {
                throw new IllegalArgumentException("step must be positive: " + step);
            }
            if (wallTarget.isNegative()) {
                throw new IllegalArgumentException("wall target must not be negative: " + wallTarget);
            }
        }

        public static Settings defaults(ZoneId zone) {
            return new Settings(Duration.ofSeconds(1), Duration.ofSeconds(90), Duration.ofSeconds(30), Duration.ofSeconds(10),
                    zone);
        }

        Duration presenceWait() {
            return commandReply.multipliedBy(2);
        }

        public Settings fast() {
            return new Settings(step, Duration.ZERO, drainLimit, commandReply, zone);
        }
    }

    private final Settings settings;
    private final PrintStream console;
    private int commands;

    public DemoRun(Settings settings, PrintStream console) {
        this.settings = settings;
        this.console = console;
    }

    /**
     * Runs the scenario. The board reaches the broker through an {@link OutageRelay} (so scripted
     * outages can be staged) and is closed before the relay, at the end of the run.
     */
    public DemoOutcome run(DemoPlant plant, DemoAgent agent, String brokerUrl) {
        long wallStart = System.nanoTime();
        BureauLedger ledger = new BureauLedger(agent.topicPrefix(), ReportSchema.published(), a -> { });
        try (BureauReceiver bureau = new BureauReceiver(brokerUrl, agent.topicPrefix(), ledger, Clock.systemUTC());
             OutageRelay relay = OutageRelay.start(brokerUrl)) {
            bureau.start();
            agent.start(relay.url(), plant.start());
            BrokerOutage outage = new BrokerOutage(relay, bureau, agent, settings.presenceWait());
            ProgressLine progress = new ProgressLine(console, 200_000_000L);
            long plantNanos = Duration.between(plant.start(), plant.end()).toNanos();
            double wallPerPlant = settings.wallTarget().toNanos() / (double) Math.max(1, plantNanos);
            long loopStart = System.nanoTime();
            Instant t = plant.start();
            Optional<String> alert = Optional.empty();
            List<String> problems = new ArrayList<>();
            while (t.isBefore(plant.end())) {
                t = min(t.plus(settings.step()), plant.end());
                plant.advanceTo(t);
                outage.follow(plant.brokerDown(), t).ifPresent(problems::add);
                if (!plant.alertLevel().equals(alert)) {
                    alert = plant.alertLevel();
                    order(bureau, agent, alert.orElse("none"), t).ifPresent(problems::add);
                }
                agent.advanceTo(t);
                pace(loopStart, (long) (Duration.between(plant.start(), t).toNanos() * wallPerPlant));
                Instant shown = t;
                progress.show(() -> status(shown, agent, bureau.tally()), System.nanoTime(), false);
            }
            Instant end = t;
            Await.until(() -> {
                progress.show(() -> status(end, agent, bureau.tally()), System.nanoTime(), false);
                return agent.reportsPending() == 0 && bureau.tally().accepted() >= agent.reportsCreated();
            }, settings.drainLimit());
            BureauTally tally = bureau.tally();
            progress.show(() -> status(end, agent, tally), System.nanoTime(), true);
            progress.end();
            ViolationCheck.Result violations = ViolationCheck.compare(plant.scriptedViolations(), tally.events());
            long created = agent.reportsCreated();
            long pending = agent.reportsPending();
            agent.close();
            return new DemoOutcome(plant.name(), plant.start(), plant.end(),
                    Duration.ofNanos(System.nanoTime() - wallStart), created, pending, tally, violations,
                    outage.windows(), problems);
        } catch (IOException e) {
            throw new UncheckedIOException("the demo could not put a relay in front of the broker " + brokerUrl, e);
        }
    }

    /**
     * The bureau orders an alert level as the scenario says, and waits (bounded) for the board's
     * reply so the order takes effect at the plant time it was given, however fast the demo runs.
     */
    private Optional<String> order(BureauReceiver bureau, DemoAgent agent, String level, Instant at) {
        Optional<String> topic = agent.commandTopic();
        if (topic.isEmpty()) {
            return Optional.of("alert " + level + " at " + at + " not sent: the board takes no commands");
        }
        long replies = bureau.tally().replies();
        String id = "demo-" + (++commands);
        String json = "{\"id\":\"" + id + "\",\"command\":\"alert\",\"device\":\"" + agent.deviceId()
                + "\",\"level\":\"" + level + "\",\"at\":\"" + at + "\"}";
        bureau.publish(topic.get(), json.getBytes(StandardCharsets.UTF_8));
        if (!Await.until(() -> bureau.tally().replies() > replies, settings.commandReply())) {
            return Optional.of("alert " + level + " at " + at + ": no reply from the board within "
                    + settings.commandReply().toSeconds() + " s");
        }
        return Optional.empty();
    }

    private String status(Instant plantTime, DemoAgent agent, BureauTally tally) {
        return "plant " + PLANT_TIME.format(plantTime.atZone(settings.zone())) + " · sent " + agent.reportsCreated()
                + " · " + tally.statusLine();
    }

    /** Holds the loop back to the wall schedule; pacing a demonstration, not waiting for a result. */
    private static void pace(long loopStart, long dueNanos) {
        long ahead = dueNanos - (System.nanoTime() - loopStart);
        if (ahead > 1_000_000L) {
            try {
                Thread.sleep(ahead / 1_000_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
