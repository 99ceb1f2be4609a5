/**
 * The bench: N boards of M channels through the agent's pipeline, store, uplink and a broker to
 * the bureau. Samples per second are counted at the pipeline's entry; latency runs from the wall
 * time a poll's samples were handed to the board to the wall time the bureau received the report
 * whose newest sample they were; RSS and CPU time are the whole JVM's (broker and bureau included).
 * Figures come from the command, never from a unit test.
 */
package dev.lantian.simulator.bench;
