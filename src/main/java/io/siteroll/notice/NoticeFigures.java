package io.siteroll.notice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.siteroll.compliance.Warning;

/**
 * Every figure a monthly notice (通报) states, as the platform drafted it from the owning modules' records for a month
 * and a region. A draft's figures are drafted afresh whenever it is shown; an issued notice keeps those it was issued
 * with, so that what was published never changes.
 *
 * @param month the month reported on
 * @param asOf the day the figures were read (coverage is counted on the month's last day or this day, the earlier)
 * @param divisions one line per city (a province's notice) or county (a city's), or the region itself
 * @param total the whole region
 * @param shortfalls the projects furthest below the attendance target, the lowest first (附件1)
 * @param praised the projects with the best attendance at or above the target (附件2)
 */
public record NoticeFigures(YearMonth month, String regionCode, String regionName, LocalDate asOf, Targets targets,
		List<Division> divisions, Division total, List<Warnings> warnings, Enforcement enforcement,
		List<ProjectLine> shortfalls, List<ProjectLine> praised, List<TypicalCase> cases, Contact contact) {

	/**
	 * The campaign's targets the figures are measured against (人员考勤率 ≥ 80 %, 全覆盖 100 %, 关键岗位到岗率), as the
	 * campaign in force at the month's end sets them.
	 */
	public record Targets(BigDecimal attendancePercent, BigDecimal coveragePercent, BigDecimal dutyPercent) {
	}

	/** The issuing department's named contact (明确1名同志负责实名制管理工作), printed at the foot of the notice. */
	public record Contact(String name, String post, String phone, String email) {
	}

	/**
	 * A division's coverage on the counting day and its attendance over the month.
	 *
	 * @param coveragePercent connected ÷ started projects, null without started projects
	 * @param attendancePercent attended ÷ registered worker-days, null without registered worker-days
	 * @param keyPostDays key posts held on construction days, {@code attendedKeyPostDays} of them with the holder's
	 *        valid attendance day
	 * @param dutyPercent key managers' on-duty rate, null without key post-days
	 */
	public record Division(String code, String name, long startedProjects, long equippedProjects, long connectedProjects,
			BigDecimal coveragePercent, long registeredWorkerDays, long attendedWorkerDays, BigDecimal attendancePercent,
			long keyPostDays, long attendedKeyPostDays, BigDecimal dutyPercent) {

		public boolean belowAttendance(Targets targets) {
			return attendancePercent != null && attendancePercent.compareTo(targets.attendancePercent()) < 0;
		}

		public boolean belowDuty(Targets targets) {
			return dutyPercent != null && dutyPercent.compareTo(targets.dutyPercent()) < 0;
		}

		public boolean belowCoverage(Targets targets) {
			return coveragePercent != null && coveragePercent.compareTo(targets.coveragePercent()) < 0;
		}
	}

	/** Warnings of one kind raised in the month and how many of them were handled (cleared or reviewed). */
	public record Warnings(Warning.Kind kind, long raised, long handled) {

		public long waiting() {
			return raised - handled;
		}
	}

	/** The departments' work in the month (see {@code EnforcementTallies.Tally}). */
	public record Enforcement(long inspections, long inspectedProjects, long functionTests, long functionTestsFailed,
			long ordersIssued, long ordersRectified, long ordersOverdue, long ordersOpen, long penalties,
			BigDecimal finesYuan, long creditRecords) {
	}

	/** A project named in the notice: where it is, who builds it and who manages it, and its month's rates. */
	public record ProjectLine(long projectId, String name, String regionName, String enterprise, String projectManager,
			long registeredWorkerDays, long attendedWorkerDays, BigDecimal attendancePercent, long keyPostDays,
			long attendedKeyPostDays, BigDecimal dutyPercent) {
	}

	/** A typical case published from a penalty decided in the month. */
	public record TypicalCase(long id, String title, String projectName, String documentNumber, LocalDate decidedOn) {
	}

	public long warningsRaised() {
		return warnings.stream().mapToLong(Warnings::raised).sum();
	}

	public long warningsHandled() {
		return warnings.stream().mapToLong(Warnings::handled).sum();
	}
}
