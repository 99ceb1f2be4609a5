/**
 * The equipment stage: decides what each metered unit is doing and reports the rules it breaks.
 *
 * <p>Entry point: {@link dev.lantian.agent.equipment.EquipmentMonitor}. Feed it raw
 * {@link dev.lantian.agent.model.Sample}s, alert commands and regular ticks; it hands
 * {@link dev.lantian.agent.equipment.EventNotice}s and {@link dev.lantian.agent.equipment.StateChange}s
 * to a {@link dev.lantian.agent.equipment.MonitorSink}. Save {@code snapshot(now)} through a
 * {@link dev.lantian.agent.equipment.MonitorStateStore} regularly and at shutdown; at start-up
 * {@code restore} from it, with the {@link dev.lantian.agent.equipment.RecentSamples} of the store
 * that keeps the raw samples (the snapshot carries none), and call
 * {@code onStart(Optional.of(snapshot.savedAt()), now)}.
 *
 * <p>Time conventions (all decided here, all "to the sample"):
 * <ul>
 * <li>State changes are dated at the first sample that showed the new state, though confirmed only
 * after {@code min_dwell}.</li>
 * <li>Noise filters (dwell, debounce of tamper conditions) date back to the first sample; rule
 * tolerances (linkage grace, meter_lost_after, the emergency window) do not: the event starts when
 * the tolerance is exhausted.</li>
 * <li>Late start covers the part of the required lead in which the treatment was not running (up to
 * its start); early stop covers the part of the required lag in which it was not running.</li>
 * <li>An event ends at the first sample (or calendar/alert instant) at which it no longer holds.</li>
 * </ul>
 */
package dev.lantian.agent.equipment;
