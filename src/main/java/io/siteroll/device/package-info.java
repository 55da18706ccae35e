/**
 * 考勤设备: gates and face terminals registered to projects, their secrets, heartbeats, online status
 * and connected days (联网), and the protocols they speak: the platform's own signed device API and
 * ZKTeco PUSH ({@code device.zkteco}). Passes and gate decisions are handed to {@code attendance}.
 */
@ApplicationModule(displayName = "Devices")
package io.siteroll.device;

import org.springframework.modulith.ApplicationModule;
