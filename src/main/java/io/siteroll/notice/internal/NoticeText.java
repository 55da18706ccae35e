package io.siteroll.notice.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import io.siteroll.notice.Notice;
import io.siteroll.notice.NoticeFigures;
import io.siteroll.platform.Messages;
import io.siteroll.platform.OfficialDocument;
import io.siteroll.region.Region;
import io.siteroll.region.Regions;
import org.springframework.stereotype.Component;

/**
 * A notice in words: its figures written into the numbered paragraphs of a 通报 by the bundle's {@code notice.text.*}
 * sentences, between the officers' preface and their measures, with the attached tables (附件) of the projects it
 * names. Official documents are in Chinese whatever the reader's language; the page, the public page and the PDF
 * all print this one text.
 */
@Component
public class NoticeText {

	private static final String NUMERALS = "一二三四五六七八九十";

	/** A numbered part of the findings: its heading (一、覆盖情况) and its sentences. */
	public record Section(String heading, List<String> paragraphs) {
	}

	/** An attached table (附件1：…). */
	public record Annex(String title, List<String> headers, List<List<String>> rows) {
	}

	/** The whole document as it reads. */
	/** @param contact the issuing department's contact in words (张三（科长），电话…), null when it has named none */
	public record Text(String issuer, String number, String title, String addressee, List<String> preface,
			List<Section> sections, List<String> closing, List<Annex> annexes, LocalDate date, String contact) {
	}

	private final Messages messages;

	private final Regions regions;

	NoticeText(Messages messages, Regions regions) {
		this.messages = messages;
		this.regions = regions;
	}

	public Text write(Notice notice, NoticeFigures f, LocalDate draftDate) {
		Region region = regions.require(notice.regionCode());
		String period = t("notice.text.month", String.valueOf(f.month().getYear()), f.month().getMonthValue());
		String where = region.level() == Region.Level.PROVINCE ? t("notice.text.province") : region.name();
		List<Section> sections = new ArrayList<>();
		sections.add(new Section(t("notice.heading.coverage"), coverage(f, where)));
		sections.add(new Section(t("notice.heading.attendance"), attendance(f, period, where)));
		sections.add(new Section(t("notice.heading.warnings"), warnings(f)));
		sections.add(new Section(t("notice.heading.inspections"), List.of(t("notice.text.inspections",
				f.enforcement().inspections(), f.enforcement().inspectedProjects(), f.enforcement().functionTests(),
				f.enforcement().functionTestsFailed()))));
		sections.add(new Section(t("notice.heading.enforcement"), List.of(t("notice.text.enforcement",
				f.enforcement().ordersIssued(), f.enforcement().ordersRectified(), f.enforcement().ordersOverdue(),
				f.enforcement().ordersOpen(), f.enforcement().penalties(), yuan(f.enforcement().finesYuan()),
				f.enforcement().creditRecords()))));
		sections.add(new Section(t("notice.heading.shortfalls"), shortfalls(f)));
		if (!f.praised().isEmpty()) {
			sections.add(new Section(t("notice.heading.praised"), List.of(t("notice.text.praised",
					String.join(t("notice.text.separator"), f.praised().stream().map(this::named).toList())))));
		}
		if (!f.cases().isEmpty()) {
			sections.add(new Section(t("notice.heading.cases"), f.cases().stream()
				.map(c -> t("notice.text.case", c.title(), c.projectName(), c.documentNumber()))
				.toList()));
		}
		sections.add(new Section(t("notice.heading.measures"), lines(notice.measures())));
		List<Section> numbered = new ArrayList<>();
		for (int i = 0; i < sections.size(); i++) {
			Section s = sections.get(i);
			numbered.add(new Section(NUMERALS.charAt(i) + "、" + s.heading(), s.paragraphs()));
		}
		List<Annex> annexes = List.of(annex(t("notice.annex.shortfalls"), f.shortfalls()),
				annex(t("notice.annex.praised"), f.praised()));
		String number = notice.issued() ? notice.number() : t("notice.text.draft-number");
		String title = t("notice.text.title", period, where)
				+ (notice.corrects() == null ? "" : t("notice.text.correction", notice.correctsNumber()));
		return new Text(region.department(), number, title,
				t(region.level() == Region.Level.PROVINCE ? "notice.text.addressee.province" : "notice.text.addressee.region"),
				lines(notice.preface()), numbered, lines(notice.closing()), annexes,
				notice.issued() ? notice.issuedOn() : draftDate, contact(f.contact()));
	}

	private String contact(NoticeFigures.Contact contact) {
		return contact == null ? null
				: t("notice.text.contact", contact.name(), contact.post(), contact.phone(), contact.email());
	}

	/**
	 * The text as the platform's official document: findings, measures, closing, the list of the attached tables
	 * (附件说明) and the contact as a labelled line; the tables themselves follow the signature ({@link NoticePdf}).
	 */
	public OfficialDocument document(Text text, String reference) {
		List<OfficialDocument.Particular> particulars = text.contact() == null ? List.of()
				: List.of(new OfficialDocument.Particular(t("notice.text.contact-label"), text.contact()));
		List<String> paragraphs = new ArrayList<>(text.preface());
		for (Section s : text.sections()) {
			paragraphs.add(s.heading());
			paragraphs.addAll(s.paragraphs());
		}
		paragraphs.addAll(text.closing());
		List<String> annexTitles = new ArrayList<>();
		for (int i = 0; i < text.annexes().size(); i++) {
			annexTitles.add((i + 1) + "．" + text.annexes().get(i).title());
		}
		paragraphs.add(t("notice.text.annexes", String.join("　", annexTitles)));
		return new OfficialDocument(text.issuer(), text.number(), text.title(), text.addressee(), paragraphs, particulars,
				text.date(), List.of(), reference);
	}

	private List<String> coverage(NoticeFigures f, String where) {
		NoticeFigures.Division total = f.total();
		if (total.startedProjects() == 0) {
			return List.of(t("notice.text.coverage.none", day(f.asOf()), where));
		}
		List<String> out = new ArrayList<>();
		out.add(t("notice.text.coverage", day(f.asOf()), where, total.startedProjects(), total.equippedProjects(),
				total.connectedProjects(), percent(total.coveragePercent()), percent(f.targets().coveragePercent())));
		List<String> below = below(f, d -> d.belowCoverage(f.targets()), NoticeFigures.Division::coveragePercent);
		if (dividedBelow(f)) {
			out.add(below.isEmpty() ? t("notice.text.coverage.all")
					: t("notice.text.coverage.below", String.join(t("notice.text.separator"), below)));
		}
		return out;
	}

	private List<String> attendance(NoticeFigures f, String period, String where) {
		NoticeFigures.Division total = f.total();
		if (total.registeredWorkerDays() == 0) {
			return List.of(t("notice.text.attendance.none", period, where));
		}
		List<String> out = new ArrayList<>();
		out.add(t("notice.text.attendance", period, where, total.registeredWorkerDays(),
				total.attendedWorkerDays(), percent(total.attendancePercent()), percent(f.targets().attendancePercent())));
		List<String> below = below(f, d -> d.belowAttendance(f.targets()), NoticeFigures.Division::attendancePercent);
		if (dividedBelow(f)) {
			out.add(below.isEmpty() ? t("notice.text.attendance.all", percent(f.targets().attendancePercent()))
					: t("notice.text.attendance.below", percent(f.targets().attendancePercent()),
							String.join(t("notice.text.separator"), below)));
		}
		if (total.dutyPercent() != null) {
			out.add(t("notice.text.duty", total.keyPostDays(), total.attendedKeyPostDays(), percent(total.dutyPercent()),
					percent(f.targets().dutyPercent())));
			List<String> belowDuty = below(f, d -> d.belowDuty(f.targets()), NoticeFigures.Division::dutyPercent);
			if (!belowDuty.isEmpty() && dividedBelow(f)) {
				out.add(t("notice.text.duty.below", String.join(t("notice.text.separator"), belowDuty)));
			}
		}
		return out;
	}

	/**
	 * Whether the region's figures are stated per division below it (a city's counties): not for a region without
	 * divisions (长春新区's own projects), whose only line is the total.
	 */
	private static boolean dividedBelow(NoticeFigures f) {
		return f.divisions().size() > 1 || f.divisions().size() == 1 && !f.divisions().get(0).code().equals(f.regionCode());
	}

	private List<String> below(NoticeFigures f, Predicate<NoticeFigures.Division> below,
			Function<NoticeFigures.Division, BigDecimal> value) {
		return f.divisions().stream()
			.filter(below)
			.map(d -> t("notice.text.division", d.name(), percent(value.apply(d))))
			.toList();
	}

	private List<String> warnings(NoticeFigures f) {
		if (f.warningsRaised() == 0) {
			return List.of(t("notice.text.warnings.none"));
		}
		List<String> kinds = f.warnings().stream()
			.filter(w -> w.raised() > 0)
			.map(w -> t("notice.text.warnings.kind", messages.label(Messages.CHINESE, w.kind()), w.raised(), w.handled()))
			.toList();
		return List.of(t("notice.text.warnings", f.warningsRaised(), f.warningsHandled(),
				f.warningsRaised() - f.warningsHandled(), String.join(t("notice.text.separator"), kinds)));
	}

	private List<String> shortfalls(NoticeFigures f) {
		if (f.shortfalls().isEmpty()) {
			return List.of(t("notice.text.shortfalls.none", percent(f.targets().attendancePercent())));
		}
		List<String> named = f.shortfalls().stream().limit(3).map(this::named).toList();
		return List.of(t("notice.text.shortfalls", percent(f.targets().attendancePercent()), f.shortfalls().size(),
				String.join(t("notice.text.separator"), named)));
	}

	private String named(NoticeFigures.ProjectLine p) {
		return t("notice.text.project", p.name(), p.regionName(), p.enterprise(),
				p.projectManager() == null ? t("notice.text.no-manager") : p.projectManager(),
				percent(p.attendancePercent()));
	}

	private Annex annex(String title, List<NoticeFigures.ProjectLine> projects) {
		List<List<String>> rows = new ArrayList<>();
		int n = 1;
		for (NoticeFigures.ProjectLine p : projects) {
			rows.add(List.of(String.valueOf(n++), p.name(), p.regionName(), p.enterprise(),
					p.projectManager() == null ? t("notice.text.no-manager") : p.projectManager(),
					String.valueOf(p.registeredWorkerDays()), String.valueOf(p.attendedWorkerDays()),
					percent(p.attendancePercent()), percent(p.dutyPercent())));
		}
		return new Annex(title, headers(), rows);
	}

	/** 附件1 */
	String annexLabel(int number) {
		return t("notice.annex.label", number);
	}

	String annexEmpty() {
		return t("notice.annex.empty");
	}

	/** The columns of the attached tables, also the Excel's. */
	public List<String> headers() {
		return Arrays.stream(t("notice.annex.columns").split("\\|")).toList();
	}

	/** A narrative part as paragraphs: one per non-blank line. */
	static List<String> lines(String text) {
		return text == null ? List.of() : text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	public String percent(BigDecimal value) {
		return value == null ? t("notice.text.no-rate") : value.stripTrailingZeros().scale() <= 0
				? value.setScale(0).toPlainString() + "%" : value.toPlainString() + "%";
	}

	private String yuan(BigDecimal value) {
		return value == null ? "0" : value.stripTrailingZeros().toPlainString();
	}

	private String day(LocalDate day) {
		return DateTimeFormatter.ofPattern(t("evidence.format.day"), Messages.CHINESE).format(day);
	}

	/** A sentence of the bundle in Chinese; numbers as plain digits (1234, not 1,234). */
	private String t(String key, Object... args) {
		Object[] plain = Arrays.stream(args).map(a -> a instanceof Number ? String.valueOf(a) : a).toArray();
		return messages.get(Messages.CHINESE, key, plain);
	}
}
