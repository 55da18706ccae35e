package io.siteroll.attendance.web;

import java.time.LocalDate;
import java.util.List;

import io.siteroll.attendance.DailyPresence;
import io.siteroll.attendance.FraudSignal;
import io.siteroll.attendance.FraudSignals;
import io.siteroll.attendance.GateBlacklist;
import io.siteroll.attendance.Pass;
import io.siteroll.attendance.Passes;
import io.siteroll.attendance.Presence;
import io.siteroll.attendance.ValidDayRules;
import io.siteroll.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Attendance 考勤")
class AttendanceApi {

	private final Passes passes;

	private final DailyPresence presence;

	private final FraudSignals signals;

	private final GateBlacklist blacklist;

	private final ValidDayRules validDayRules;

	AttendanceApi(Passes passes, DailyPresence presence, FraudSignals signals, GateBlacklist blacklist,
			ValidDayRules validDayRules) {
		this.passes = passes;
		this.presence = presence;
		this.signals = signals;
		this.blacklist = blacklist;
		this.validDayRules = validDayRules;
	}

	@GetMapping("/api/projects/{id}/passes")
	@Operation(summary = "Passes through the project's gates, newest first; outcome ACCEPTED or REFUSED")
	Page<Pass> passes(@PathVariable long id, @RequestParam(required = false) Long personId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String outcome, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return passes.search(id, Passes.Search.of(personId, from, to, outcome), Page.number(page), Page.size(size));
	}

	@GetMapping("/api/projects/{id}/presence")
	@Operation(summary = "Daily presence (每日出勤) of a project on a day")
	Page<Presence> presence(@PathVariable long id,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return presence.forProjectDay(id, day, Page.number(page), Page.size(size));
	}

	@GetMapping("/api/projects/{id}/presence/counts")
	@Operation(summary = "People present and with a valid day, per day")
	List<DailyPresence.DayCount> counts(@PathVariable long id,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return presence.dailyCounts(id, from, to);
	}

	@GetMapping("/api/projects/{id}/persons/{personId}/presence")
	List<Presence> personPresence(@PathVariable long id, @PathVariable long personId,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return presence.forPerson(id, personId, from, to);
	}

	@GetMapping("/api/projects/{id}/fraud-signals")
	@Operation(summary = "Fraud signals (作假线索) with their evidence: replayed photos, impossible travel, liveness failures")
	Page<FraudSignal> signals(@PathVariable long id, @RequestParam(required = false) FraudSignal.Kind kind,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return signals.forProject(id, kind, from, to, Page.number(page), Page.size(size));
	}

	@GetMapping(value = "/api/pass-photos/{photoId}", produces = MediaType.IMAGE_JPEG_VALUE)
	@Operation(summary = "The photo taken with a pass (evidence); needs the reveal permission, audited; 410 once purged")
	ResponseEntity<byte[]> photo(@PathVariable long photoId) {
		return passes.revealPhoto(photoId)
			.map(bytes -> ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).body(bytes))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.GONE).build());
	}

	@GetMapping("/api/gate-blacklist")
	List<GateBlacklist.Listing> blacklist() {
		return blacklist.current();
	}

	@PostMapping("/api/gate-blacklist")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Bar a person from every gate (黑名单); officers only")
	GateBlacklist.Listing list(@RequestBody GateBlacklist.NewListing listing) {
		return blacklist.list(listing);
	}

	@PostMapping("/api/gate-blacklist/{id}/lift")
	GateBlacklist.Listing lift(@PathVariable long id) {
		return blacklist.lift(id);
	}

	@GetMapping("/api/valid-day-rules")
	@Operation(summary = "The valid-day definition in force from each date (set by adopting a rule set)")
	List<ValidDayRules.InForce> validDayRules() {
		return validDayRules.history();
	}
}
