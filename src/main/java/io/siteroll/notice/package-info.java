/**
 * 驾驶舱与通报: what the province and its cities and counties see at a glance (the dashboard, its figures and
 * drill-down) and the monthly notice (通报) the platform drafts from its own records and a department issues. It reads
 * the other modules' figures through their APIs and read models; no other module depends on it.
 */
@ApplicationModule(displayName = "Dashboard and notices")
package io.siteroll.notice;

import org.springframework.modulith.ApplicationModule;
