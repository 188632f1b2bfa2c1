package org.vividly.quota;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A person's quota this month.
 *
 * @param plan their effective plan
 * @param inherited true when the plan is the organization's base plan
 * @param period first day of the month counted (UTC)
 * @param resetsAt when the counts start again (UTC midnight of the next month's first day)
 * @param upgradeAllowed whether the organization lets people pick their own plan
 */
public record QuotaUsage(Plan plan, boolean inherited, LocalDate period, Instant resetsAt, Meter.Count text, Meter.Count video, boolean upgradeAllowed) {}
