/**
 * The demo: a scripted plant day through the agent's real board, compressed to about two minutes,
 * checked from the bureau's side.
 *
 * <p>{@link dev.lantian.simulator.demo.DemoRun} drives a {@link dev.lantian.simulator.demo.DemoPlant}
 * and a {@link dev.lantian.simulator.demo.DemoAgent} together on plant time, one plant second per
 * step, paced to a wall-time target; the bureau orders the scenario's alert levels over MQTT and
 * waits for the board's reply, so an order takes effect at its plant time however fast the run
 * goes. At the end {@link dev.lantian.simulator.demo.ViolationCheck} compares flagged events with
 * the staged {@link dev.lantian.simulator.demo.ExpectedViolation}s; the
 * {@link dev.lantian.simulator.demo.DemoOutcome} passes only with every report received, no gap, no
 * invalid payload, every order answered and the violations agreeing.
 *
 * <p>The broker is a real one ({@code --broker}) or {@link dev.lantian.simulator.demo.EmbeddedBroker}
 * (Moquette, MQTT 3.1.1, loopback, in memory).
 */
package dev.lantian.simulator.demo;
