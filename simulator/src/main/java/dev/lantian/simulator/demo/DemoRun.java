package dev.lantian.simulator.demo;

import dev.lantian.simulator.bureau.BureauLedger;
import dev.lantian.simulator.bureau.BureauReceiver;
import dev.lantian.simulator.bureau.BureauTally;
import dev.lantian.simulator.bureau.ReportSchema;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One demo: the bureau subscribes, the board starts, then plant and board advance together in
 * {@code step}s of plant time, paced so the scenario takes about {@code wallTarget} (zero: as fast as
 * they go). After the scenario end it waits, at most {@code drainLimit}, for the board's outbox to
 * empty and the bureau to have every report, then compares what was flagged with what was staged.
 */
public final class DemoRun {
    private static final DateTimeFormatter PLANT_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public record Settings(Duration step, Duration wallTarget, Duration drainLimit, ZoneId zone) {
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
            return new Settings(Duration.ofSeconds(1), Duration.ofSeconds(110), Duration.ofSeconds(30), zone);
        }

        public Settings fast() {
            return new Settings(step, Duration.ZERO, drainLimit, zone);
        }
    }

    private final Settings settings;
    private final PrintStream console;

    public DemoRun(Settings settings, PrintStream console) {
        this.settings = settings;
        this.console = console;
    }

    public DemoOutcome run(DemoPlant plant, DemoAgent agent, String brokerUrl) {
        long wallStart = System.nanoTime();
        BureauLedger ledger = new BureauLedger(agent.topicPrefix(), ReportSchema.published(), a -> { });
        try (BureauReceiver bureau = new BureauReceiver(brokerUrl, agent.topicPrefix(), ledger, Clock.systemUTC())) {
            bureau.start();
            agent.start(brokerUrl, plant.start());
            ProgressLine progress = new ProgressLine(console, 200_000_000L);
            long plantNanos = Duration.between(plant.start(), plant.end()).toNanos();
            double wallPerPlant = settings.wallTarget().toNanos() / (double) Math.max(1, plantNanos);
            long loopStart = System.nanoTime();
            Instant t = plant.start();
            while (t.isBefore(plant.end())) {
                t = min(t.plus(settings.step()), plant.end());
                plant.advanceTo(t);
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
            return new DemoOutcome(plant.name(), plant.start(), plant.end(),
                    Duration.ofNanos(System.nanoTime() - wallStart), agent.reportsCreated(), agent.reportsPending(),
                    tally, violations);
        }
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
