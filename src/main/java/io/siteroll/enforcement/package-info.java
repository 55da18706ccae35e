/**
 * 执法: rectification orders (责令限期整改) issued from findings, answered by the enterprise and
 * re-checked after the deadline; penalties (行政处罚: fines, stop-work orders, restrictions) and
 * bad-credit records (诚信不良行为记录) following the checklist's escalation table; typical cases.
 * Every transition is kept; nothing is deleted.
 */
@ApplicationModule(displayName = "Enforcement")
package io.siteroll.enforcement;

import org.springframework.modulith.ApplicationModule;
