/**
 * 考勤: every pass through every gate (accepted or refused, with its photo and liveness verdict), the
 * gate's decision whether a person may enter, the roster a gate downloads, daily presence (每日出勤)
 * maintained on ingest, the gate blacklist, and fraud signals (作假线索). It knows projects and
 * people, not devices: the {@code device} module authenticates gates and hands their passes here.
 */
@ApplicationModule(displayName = "Attendance")
package io.siteroll.attendance;

import org.springframework.modulith.ApplicationModule;
