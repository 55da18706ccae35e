package io.siteroll.device.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import io.siteroll.attendance.DailyPresence;
import io.siteroll.attendance.FraudSignals;
import io.siteroll.device.Devices;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The gates section of a project's page: devices and their state, recent presence, fraud signals. */
@Controller
class DevicePages {

	private static final Map<String, String> SIGNAL_KINDS = Map.of("REPLAYED_PHOTO", "照片重复使用", "IMPOSSIBLE_TRAVEL",
			"异地同时出现", "LIVENESS_FAILURES", "活体检测失败");

	private final Devices devices;

	private final DailyPresence presence;

	private final FraudSignals signals;

	private final Clock clock;

	DevicePages(Devices devices, DailyPresence presence, FraudSignals signals, Clock clock) {
		this.devices = devices;
		this.presence = presence;
		this.signals = signals;
		this.clock = clock;
	}

	@GetMapping("/projects/{id}/gates")
	String gates(@PathVariable long id, Model model) {
		LocalDate today = LocalDate.now(clock);
		YearMonth month = YearMonth.from(today);
		model.addAttribute("devices", devices.forProject(id));
		model.addAttribute("connectedDays", devices.connectedDays(id, month.atDay(1), today).size());
		model.addAttribute("counts", presence.dailyCounts(id, today.minusDays(6), today));
		model.addAttribute("signals", signals.forProject(id, null, null, null, 0, 10));
		model.addAttribute("signalKinds", SIGNAL_KINDS);
		return "device/gates :: gates";
	}
}
