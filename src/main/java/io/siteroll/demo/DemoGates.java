package io.siteroll.demo;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import javax.imageio.ImageIO;

import io.siteroll.attendance.Gate;
import io.siteroll.attendance.PassRecord;
import io.siteroll.attendance.Passes;
import io.siteroll.device.Device;
import io.siteroll.device.DeviceHistory;
import io.siteroll.device.Devices;
import io.siteroll.personnel.Engagement;
import io.siteroll.personnel.Engagements;
import io.siteroll.personnel.ManagerPost;
import io.siteroll.personnel.ManagerPosts;
import io.siteroll.personnel.Post;
import io.siteroll.project.ConstructionCalendar;
import org.springframework.stereotype.Component;

/**
 * Gates, their contacts and the passes of the demo province from the first day of the previous month to now. Every
 * started project but one gets its gates by its start date (one three days late), heard on every day since (two
 * silent days last month at one project, one this month at another, and one project's gates silent for the last
 * three days). Passes go through the platform's own ingestion, a week per gate at a time on the {@link DemoClock}
 * (so each week is received when it happened, within the backlog the platform accepts): most workers attend most
 * days, managers nearly every day, and the story's parts ({@link DemoSite.Part}) attend as the story says.
 */
@Component
class DemoGates {

	record Volume(int gates, int passes) {
	}

	private static final ZoneOffset CST = ZoneOffset.ofHours(8);

	/** Days of passes sent per gate in one batch (as a gate's backlog might be). */
	private static final int BATCH_DAYS = 7;

	private final Devices devices;

	private final DeviceHistory contacts;

	private final Passes passes;

	private final ManagerPosts managers;

	private final Engagements engagements;

	private final ConstructionCalendar calendar;

	private final Clock clock;

	DemoGates(Devices devices, DeviceHistory contacts, Passes passes, ManagerPosts managers, Engagements engagements,
			ConstructionCalendar calendar, Clock clock) {
		this.devices = devices;
		this.contacts = contacts;
		this.passes = passes;
		this.managers = managers;
		this.engagements = engagements;
		this.calendar = calendar;
		this.clock = clock;
	}

	Volume equip(List<DemoSite> sites, LocalDate first, long seed) {
		DemoClock time = (DemoClock) clock;
		LocalDate today = LocalDate.now(clock);
		int gateCount = 0;
		int stored = 0;
		for (DemoSite site : sites) {
			if (!site.started(today) || site.part == DemoSite.Part.NEVER_CONNECTED) {
				continue;
			}
			Random random = new Random(seed + site.index);
			LocalDate registered = site.part == DemoSite.Part.GATE_REGISTERED_LATE ? site.start.plusDays(3)
					: site.start.minusDays(1 + random.nextInt(5));
			site.gatesFrom = registered;
			int count = site.index % 3 == 0 ? 1 : 2;
			for (int g = 0; g < count; g++) {
				Gate.Direction direction = count == 1 ? Gate.Direction.BOTH : g == 0 ? Gate.Direction.IN : Gate.Direction.OUT;
				int number = g + 1;
				Devices.Registered d = time.at(DemoTime.at(registered, 10, 0, clock),
						() -> devices.register(new Devices.Registration(site.id(), "DEMO" + site.id() + "G" + number,
								number == 1 ? "海康威视" : "中控智慧", number == 1 ? "DS-K5671" : "SpeedFace-V5L", Device.Protocol.SITEROLL,
								Device.Kind.FACE_TURNSTILE, direction, number + "号闸机", registered)));
				site.gates.add(d.device().gate());
				contacts.heard(d.device().id(), contactsOf(site, registered, first, today));
				gateCount++;
			}
			stored += attend(time, site, sites, first, today, random);
		}
		return new Volume(gateCount, stored);
	}

	/** The last day a site's gates speak: its completion, three days ago for the one offline now, else today. */
	private static LocalDate lastHeard(DemoSite site, LocalDate today) {
		if (site.part == DemoSite.Part.OFFLINE_NOW) {
			return today.minusDays(3);
		}
		return site.completed != null && site.completed.isBefore(today) ? site.completed : today;
	}

	/** Days a site's gates were silent (powered off, network down). */
	private static boolean silent(DemoSite site, LocalDate day, LocalDate first, LocalDate today) {
		return site.part == DemoSite.Part.GATE_SILENT_TWO_DAYS && (day.equals(first.plusDays(16)) || day.equals(first.plusDays(17)))
				|| site.part == DemoSite.Part.INSPECTED_RECTIFIED && day.equals(today.minusDays(2)) && !day.isBefore(today.withDayOfMonth(1));
	}

	/** A gate's contacts: from its registration, morning and evening of every day it spoke, and a minute ago today. */
	private List<Instant> contactsOf(DemoSite site, LocalDate registered, LocalDate first, LocalDate today) {
		List<Instant> at = new ArrayList<>();
		Instant now = clock.instant();
		LocalDate last = lastHeard(site, today);
		for (LocalDate day = registered; !day.isAfter(last); day = day.plusDays(1)) {
			if (silent(site, day, first, today)) {
				continue;
			}
			Instant morning = day.atTime(6, 0).atZone(clock.getZone()).toInstant();
			Instant evening = day.atTime(19, 0).atZone(clock.getZone()).toInstant();
			if (morning.isBefore(now)) {
				at.add(morning);
			}
			if (day.equals(today)) {
				at.add(now.minusSeconds(90));
			}
			else if (evening.isBefore(now)) {
				at.add(evening);
			}
		}
		return at;
	}

	private int attend(DemoClock time, DemoSite site, List<DemoSite> sites, LocalDate first, LocalDate today, Random random) {
		LocalDate from = site.start.isAfter(first) ? site.start : first;
		if (site.gatesFrom.isAfter(from)) {
			from = site.gatesFrom;
		}
		LocalDate last = lastHeard(site, today);
		List<LocalDate> days = new ArrayList<>();
		for (LocalDate day : calendar.constructionDays(site.id(), from, last)) {
			if (!silent(site, day, first, today)) {
				days.add(day);
			}
		}
		List<LocalDate> lastMonth = days.stream().filter(d -> d.isBefore(today.withDayOfMonth(1))).toList();
		List<Engagement> workers = new ArrayList<>(engagements.workers(site.id(), null, true, 0, 500).items());
		workers.sort(Comparator.comparingLong(Engagement::teamId).thenComparingLong(Engagement::personId));
		Set<Long> absent = new HashSet<>();
		int absentees = site.part == DemoSite.Part.SHORTFALL_9 ? 9 : site.part == DemoSite.Part.SHORTFALL_20 ? 20 : 0;
		workers.stream().limit(absentees).forEach(w -> absent.add(w.personId()));
		List<ManagerPost> posts = managers.posts(site.id());
		int diligence = 88 + random.nextInt(10);
		Instant now = clock.instant();
		List<PassRecord> batch = new ArrayList<>();
		int stored = 0;
		LocalDate batchEnd = null;
		for (LocalDate day : days) {
			if (batchEnd != null && day.isAfter(batchEnd)) {
				stored += send(time, site, batch, batchEnd);
				batchEnd = null;
			}
			if (batchEnd == null) {
				batchEnd = day.plusDays(BATCH_DAYS - 1);
			}
			boolean yesterday = day.equals(today.minusDays(1));
			for (int w = 0; w < workers.size(); w++) {
				long person = workers.get(w).personId();
				boolean forced = yesterday && site.part == DemoSite.Part.REPLAYED_PHOTO && w < 2;
				if (absent.contains(person) || !forced && random.nextInt(100) >= diligence) {
					continue;
				}
				byte[] photo = forced ? REPLAYED : null;
				add(batch, site, person, day, LocalTime.of(6, 40).plusMinutes(random.nextInt(110)), Gate.Direction.IN, photo, now);
				add(batch, site, person, day, LocalTime.of(16, 50).plusMinutes(random.nextInt(100)), Gate.Direction.OUT, null, now);
			}
			for (ManagerPost post : posts) {
				if (post.tenureFrom().isAfter(day) || post.tenureTo() != null && post.tenureTo().isBefore(day)) {
					continue;
				}
				boolean traveller = yesterday && site.part == DemoSite.Part.TRAVELLER && post.post() == Post.TECHNICAL_LEAD;
				if (!traveller && !onDuty(site, post, day, lastMonth)) {
					continue;
				}
				add(batch, site, post.personId(), day, LocalTime.of(7, 30).plusMinutes(random.nextInt(60)), Gate.Direction.IN, null, now);
				if (!(site.part == DemoSite.Part.SAFETY_OFFICER_ONCE_A_DAY && post.post() == Post.SAFETY_OFFICER)) {
					add(batch, site, post.personId(), day, LocalTime.of(17, 0).plusMinutes(random.nextInt(60)), Gate.Direction.OUT, null, now);
				}
			}
			if (yesterday && site.part == DemoSite.Part.TRAVEL_DESTINATION) {
				sites.stream().filter(s -> s.part == DemoSite.Part.TRAVELLER).findFirst().ifPresent(traveller -> managers
					.posts(traveller.id()).stream().filter(p -> p.post() == Post.TECHNICAL_LEAD).findFirst()
					.ifPresent(p -> add(batch, site, p.personId(), day, LocalTime.of(12, 10), Gate.Direction.IN, null, now)));
			}
			if (yesterday && site.part == DemoSite.Part.INSPECTED_RECTIFIED) {
				batch.add(new PassRecord("demo-stranger-" + day, "990000001", OffsetDateTime.of(day, LocalTime.of(9, 12), CST),
						Gate.Direction.IN, "001", "15", PassRecord.Liveness.PASS, 0.97f, false, null, "SITEROLL", false));
			}
		}
		return stored + (batchEnd == null ? 0 : send(time, site, batch, batchEnd));
	}

	/**
	 * Whether a manager passes on a day: the story's two managers short of 80 % last month attend evenly spread
	 * days in that proportion (70 %, 78 %); everyone else misses about one day in ten (and nobody at the late-gated
	 * project, whose first days had no gate).
	 */
	private static boolean onDuty(DemoSite site, ManagerPost post, LocalDate day, List<LocalDate> lastMonth) {
		int percent = site.part == DemoSite.Part.MANAGER_AT_70 && post.post() == Post.PROJECT_MANAGER ? 70
				: site.part == DemoSite.Part.SUPERVISOR_AT_78 && post.post() == Post.CHIEF_SUPERVISOR ? 78 : 0;
		int k = lastMonth.indexOf(day);
		if (percent > 0 && k >= 0) {
			int n = lastMonth.size();
			int attended = n * percent / 100;
			return (k + 1) * attended / n > k * attended / n;
		}
		return site.part == DemoSite.Part.GATE_REGISTERED_LATE || (day.getDayOfMonth() + post.personId()) % 10 != 0;
	}

	private static void add(List<PassRecord> batch, DemoSite site, long person, LocalDate day, LocalTime time,
			Gate.Direction direction, byte[] photo, Instant now) {
		OffsetDateTime at = OffsetDateTime.of(day, time, CST);
		if (!at.toInstant().isBefore(now)) {
			return;
		}
		batch.add(new PassRecord("demo-" + site.id() + "-" + person + "-" + day + "-" + direction, Long.toString(person), at,
				direction, "001", "15", PassRecord.Liveness.PASS, 0.96f, false, photo, "SITEROLL", false));
	}

	/** Sends a batch as the gates' upload at the end of its last day (or now): IN passes to the entry gate, OUT to the exit. */
	private int send(DemoClock time, DemoSite site, List<PassRecord> batch, LocalDate lastDay) {
		if (batch.isEmpty()) {
			return 0;
		}
		List<PassRecord> sent = List.copyOf(batch);
		batch.clear();
		return time.at(DemoTime.at(lastDay, 23, 30, clock), () -> {
			int stored = 0;
			for (Gate gate : site.gates) {
				List<PassRecord> mine = sent.stream()
					.filter(p -> gate.direction() == Gate.Direction.BOTH || p.direction() == gate.direction())
					.toList();
				stored += passes.ingest(gate, mine).stored();
			}
			return stored;
		});
	}

	/** One synthetic face photo, sent with two different workers' passes (a replayed photo). */
	private static final byte[] REPLAYED = photo();

	private static byte[] photo() {
		BufferedImage image = new BufferedImage(96, 96, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		for (int y = 0; y < 96; y += 8) {
			for (int x = 0; x < 96; x += 8) {
				g.setColor(new Color((x * 5 + y * 3) % 256, (x * 2 + 40) % 256, (y * 4 + 90) % 256));
				g.fillRect(x, y, 8, 8);
			}
		}
		g.setColor(new Color(230, 200, 170));
		g.fillOval(24, 16, 48, 60);
		g.dispose();
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ImageIO.write(image, "jpg", out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
