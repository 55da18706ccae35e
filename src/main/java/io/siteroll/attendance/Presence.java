package io.siteroll.attendance;

import java.time.Instant;
import java.time.LocalDate;

/** 每日出勤: one person on one project on one day. */
public record Presence(long projectId, LocalDate day, long personId, String personName, Instant firstPassAt,
		Instant lastPassAt, int passCount, boolean valid) {
}
