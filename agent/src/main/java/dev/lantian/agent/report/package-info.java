/**
 * Where stage outputs become reports: {@link dev.lantian.agent.report.ReportBuilder} turns the
 * measurement stage's aggregates, real-time values and alarms and the equipment stage's events and
 * state changes into {@link dev.lantian.agent.store.ReportDraft}s, one per (kind, period), with HJ 212
 * codes, the acquisition time of the newest contributing sample and the clock quality
 * ({@link dev.lantian.agent.report.ClockQualitySource}). Pure: no IO, no clock. See docs/running.md.
 */
package dev.lantian.agent.report;
