package dev.lantian.agent.assembly;

import dev.lantian.agent.config.Channel;
import dev.lantian.agent.config.Device;
import dev.lantian.agent.config.Emergency;
import dev.lantian.agent.config.Equipment;
import dev.lantian.agent.config.SiteConfig;
import dev.lantian.agent.equipment.AlertLevel;
import dev.lantian.agent.equipment.EmergencyAction;
import dev.lantian.agent.equipment.EmergencySettings;
import dev.lantian.agent.equipment.EquipmentRole;
import dev.lantian.agent.equipment.EquipmentSettings;
import dev.lantian.agent.equipment.LinkageSettings;
import dev.lantian.agent.equipment.MeasuredBy;
import dev.lantian.agent.equipment.MonitorSettings;
import dev.lantian.agent.equipment.StaggeredPeriod;
import dev.lantian.agent.equipment.StateThresholds;
import dev.lantian.agent.equipment.TamperSettings;
import dev.lantian.agent.measure.Calibration;
import dev.lantian.agent.measure.CalibrationHistory;
import dev.lantian.agent.measure.ChannelSettings;
import dev.lantian.agent.measure.MeasureSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the validated site configuration onto the settings each stage declares for itself, so a
 * stage never depends on the YAML's shape and the YAML can grow without touching the stages.
 */
public final class StageSettings {
    private StageSettings() {
    }

    public static MeasureSettings measure(SiteConfig config) {
        List<ChannelSettings> channels = new ArrayList<>();
        for (Channel c : config.channels()) {
            channels.add(channel(config, c));
        }
        return MeasureSettings.of(config.site().timeZone(), config.reporting().minuteInterval(),
                config.reporting().realtimeInterval(), channels);
    }

    private static ChannelSettings channel(SiteConfig config, Channel c) {
        ChannelSettings s = ChannelSettings.of(c.id(), c.quantity(), c.unit(), c.samplingPeriod())
                .withWindows(c.windows());
        if (c.cumulative()) {
            s = s.asCounter(Double.NaN);
        }
        if (c.validRange().isPresent()) {
            s = s.withValidRange(new ChannelSettings.ValidRange(c.validRange().get().min(), c.validRange().get().max()));
        }
        if (c.fog().isPresent()) {
            s = s.withFog(new ChannelSettings.Fog(c.fog().get().humidityChannel(), c.fog().get().above()));
        }
        if (c.spike().isPresent()) {
            s = s.withSpike(ChannelSettings.Spike.of(c.spike().get().window(), c.spike().get().threshold()));
        }
        Channel.Calibration cal = c.calibration();
        if (cal.zero() != 0.0 || cal.span() != 1.0) {
            s = s.withCalibration(CalibrationHistory.always(new Calibration.Linear(cal.zero(), cal.span())));
        }
        List<ChannelSettings.Limit> limits = new ArrayList<>();
        for (Channel.Limit l : c.limits()) {
            limits.add(new ChannelSettings.Limit(l.id(), l.above(), l.clearBelow(), l.minDuration(),
                    l.severity().name().toLowerCase(java.util.Locale.ROOT)));
        }
        s = s.withLimits(limits);
        Duration warmup = config.device(c.source().device()).map(Device::warmup).orElse(Duration.ZERO);
        return s.withWarmup(warmup);
    }

    public static MonitorSettings monitor(SiteConfig config) {
        List<EquipmentSettings> equipment = new ArrayList<>();
        for (Equipment e : config.equipment()) {
            Equipment.StateThresholds t = e.state();
            equipment.add(new EquipmentSettings(e.id(), e.name(),
                    e.role() == Equipment.Role.PRODUCTION ? EquipmentRole.PRODUCTION : EquipmentRole.TREATMENT,
                    e.ratedPower(),
                    new MeasuredBy(e.measuredBy().power(), e.measuredBy().currents(), e.measuredBy().voltages(),
                            e.measuredBy().contact()),
                    new StateThresholds(t.standbyAbove(), t.runningAbove(), t.runningBelow(), t.lowLoadShare(),
                            t.minDwell(), t.staleAfter()),
                    e.baselinePower()));
        }
        List<LinkageSettings> linkage = config.linkage().stream()
                .map(l -> new LinkageSettings(l.production(), l.treatment(), l.grace(), l.lead(), l.lag()))
                .toList();
        List<StaggeredPeriod> staggered = config.staggeredProduction().stream()
                .map(p -> new StaggeredPeriod(p.equipment(), p.from(), p.to(), p.reason().orElse("")))
                .toList();
        return new MonitorSettings(config.site().timeZone(), equipment, linkage, emergency(config.emergency()),
                staggered, new TamperSettings(config.tamper().meterLostAfter(), config.tamper().clampCurrentBelow()),
                null, null);
    }

    private static EmergencySettings emergency(Emergency e) {
        Map<AlertLevel, List<EmergencyAction>> levels = new EnumMap<>(AlertLevel.class);
        for (Emergency.AlertLevel level : Emergency.AlertLevel.values()) {
            List<EmergencyAction> actions = e.orders(level).stream()
                    .map(o -> o.action() == Emergency.Action.STOP
                            ? EmergencyAction.stop(o.equipment())
                            : EmergencyAction.limit(o.equipment(), o.maxShare().orElseThrow()))
                    .toList();
            levels.put(AlertLevel.valueOf(level.name()), actions);
        }
        return new EmergencySettings(e.complianceWindow(), e.baselineLearnDays(), levels);
    }
}
