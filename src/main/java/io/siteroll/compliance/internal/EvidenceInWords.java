package io.siteroll.compliance.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.siteroll.compliance.EvidenceSentences;
import io.siteroll.compliance.Finding;
import io.siteroll.compliance.FindingEvidence;
import io.siteroll.compliance.FindingEvidence.R1Evidence;
import io.siteroll.compliance.FindingEvidence.R2Evidence;
import io.siteroll.compliance.FindingEvidence.R3Evidence;
import io.siteroll.compliance.Recheck;
import io.siteroll.compliance.Recheck.R1RecheckEvidence;
import io.siteroll.compliance.Recheck.R2RecheckEvidence;
import io.siteroll.compliance.Recheck.R3RecheckEvidence;
import io.siteroll.compliance.Warning;
import io.siteroll.compliance.WarningEvidence;
import io.siteroll.compliance.WarningEvidence.DeviceOfflineEvidence;
import io.siteroll.compliance.WarningEvidence.KeyManagerUnreachableEvidence;
import io.siteroll.compliance.WarningEvidence.LowAttendanceEvidence;
import io.siteroll.compliance.WarningEvidence.NoDeviceEvidence;
import io.siteroll.compliance.WarningEvidence.NoAllocationEvidence;
import io.siteroll.compliance.WarningEvidence.NoWageAccountEvidence;
import io.siteroll.compliance.WarningEvidence.NoWageGuaranteeEvidence;
import io.siteroll.compliance.WarningEvidence.PayWithoutAttendanceEvidence;
import io.siteroll.compliance.WarningEvidence.PaymentFailedEvidence;
import io.siteroll.compliance.WarningEvidence.TableUnconfirmedEvidence;
import io.siteroll.compliance.WarningEvidence.UnregisteredAtGateEvidence;
import io.siteroll.compliance.WarningEvidence.WageArrearsEvidence;
import io.siteroll.platform.Messages;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Evidence in words from the bundles' {@code evidence.*} patterns: each record's numbers, dates and labels become
 * the arguments of one pattern per kind of evidence, so a sentence reads the same on a page, in an order and in
 * either language, and a new fact needs a pattern, not a string built in code. Orders are official documents and
 * are always written in Chinese. Named {@code evidenceSentences} for the pages, which call
 * {@code ${@evidenceSentences.describe(f, #locale)}} as they call {@code ${@messages.label(...)}}.
 */
@Component("evidenceSentences")
class EvidenceInWords implements EvidenceSentences {

	/** The language of official documents. */
	private static final Locale OFFICIAL = Locale.SIMPLIFIED_CHINESE;

	private final MessageSource messages;

	EvidenceInWords(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	public String orderItems(Finding finding) {
		String facts = describe(finding, OFFICIAL);
		String measures = finding.prescribedMeasures() == null ? "" : finding.prescribedMeasures().strip();
		return text(OFFICIAL, "evidence.order.finding", facts, measures).strip();
	}

	@Override
	public String orderItems(Warning warning) {
		return text(OFFICIAL, "evidence.order.warning", label(OFFICIAL, warning.kind()), describe(warning, OFFICIAL));
	}

	@Override
	public String describe(Finding finding, Locale locale) {
		return describe(finding, finding.evidence(), locale);
	}

	@Override
	public String describe(Finding finding, Finding.Revision revision, Locale locale) {
		return describe(finding, revision.evidence(), locale);
	}

	private String describe(Finding f, FindingEvidence evidence, Locale locale) {
		if (evidence instanceof R2Evidence e) {
			return text(locale, "evidence.R2", name(f.personName()), label(locale, e.post()), month(locale, f.month()),
					e.attendedDayCount(), e.constructionDayCount(), percent(e.actualPercent()), e.requiredPercent(),
					e.arithmetic());
		}
		if (evidence instanceof R3Evidence e) {
			return text(locale, "evidence.R3", month(locale, f.month()), e.engagedWorkers(), e.workersWithValidDay(),
					e.shortfall())
					+ (e.countsPayroll() ? text(locale, "evidence.R3.payroll-counted") : "")
					+ text(locale, e.calledForPenalty() ? "evidence.R3.penalty" : "evidence.R3.order", e.penaltyFrom());
		}
		if (evidence instanceof R1Evidence e) {
			List<String> parts = new ArrayList<>();
			if (e.firstDeviceFrom() == null) {
				parts.add(text(locale, "evidence.R1.not-equipped", day(locale, e.startDate())));
			}
			else if (!e.equippedByStart()) {
				parts.add(text(locale, "evidence.R1.equipped-late", day(locale, e.startDate()), day(locale, e.firstDeviceFrom())));
			}
			if (e.disconnectedDayCount() > 0) {
				parts.add(text(locale, "evidence.R1.disconnected", month(locale, f.month()), e.constructionDayCount(),
						e.disconnectedDayCount(), e.toleranceDays()));
			}
			return String.join(text(locale, "evidence.separator"), parts);
		}
		return "";
	}

	@Override
	public String describe(Warning warning, Locale locale) {
		WarningEvidence evidence = warning.evidence();
		if (evidence instanceof NoDeviceEvidence e) {
			return text(locale, "evidence.NO_DEVICE", day(locale, e.startDate()), day(locale, e.asOf()));
		}
		if (evidence instanceof DeviceOfflineEvidence e) {
			String device = e.channelName() == null || e.channelName().isBlank() ? e.serialNumber()
					: text(locale, "evidence.device", e.serialNumber(), e.channelName());
			String silent = e.lastHeardDay() == null ? text(locale, "evidence.DEVICE_OFFLINE.never", device, day(locale, e.asOf()))
					: text(locale, "evidence.DEVICE_OFFLINE", device, day(locale, e.lastHeardDay()), day(locale, e.asOf()));
			return e.toleranceHours() == null ? silent
					: silent + text(locale, "evidence.DEVICE_OFFLINE.tolerance", e.toleranceHours());
		}
		if (evidence instanceof KeyManagerUnreachableEvidence e) {
			return text(locale, "evidence.KEY_MANAGER_UNREACHABLE", name(warning.personName()), label(locale, e.post()),
					month(locale, e.month()), day(locale, e.asOf()), e.attendedSoFar(), e.remainingDayCount(),
					e.constructionDayCount(), e.requiredPercent(), e.arithmetic());
		}
		if (evidence instanceof UnregisteredAtGateEvidence e) {
			return text(locale, "evidence.UNREGISTERED_AT_GATE", day(locale, e.day()), e.refusedAttempts(),
					e.references().size());
		}
		if (evidence instanceof LowAttendanceEvidence e) {
			List<LocalDate> days = e.constructionDays();
			String span = days.isEmpty() ? "" : text(locale, "evidence.span", day(locale, days.get(0)),
					day(locale, days.get(days.size() - 1)));
			return text(locale, "evidence.LOW_ATTENDANCE", e.window(), span, e.registeredWorkerDays(),
					e.attendedWorkerDays(), percent(e.ratePercent()), e.threshold());
		}
		if (evidence instanceof NoWageAccountEvidence e) {
			return text(locale, "evidence.NO_WAGE_ACCOUNT", day(locale, e.startDate()), day(locale, e.asOf()));
		}
		if (evidence instanceof NoWageGuaranteeEvidence e) {
			return text(locale, "evidence.NO_WAGE_GUARANTEE", day(locale, e.startDate()), day(locale, e.asOf()));
		}
		if (evidence instanceof NoAllocationEvidence e) {
			return text(locale, "evidence.NO_ALLOCATION", month(locale, e.month()), e.constructionDayCount(),
					day(locale, e.asOf()));
		}
		if (evidence instanceof WageArrearsEvidence e) {
			return text(locale, "evidence.WAGE_ARREARS", month(locale, e.month()), day(locale, e.payDate()),
					day(locale, e.asOf()), e.workerCount(), e.validDayCount(), workers(locale, e.workers(), e.workerCount()));
		}
		if (evidence instanceof PayWithoutAttendanceEvidence e) {
			return text(locale, "evidence.PAY_WITHOUT_ATTENDANCE", month(locale, e.month()), e.workerCount(),
					money(e.netTotal()), workers(locale, e.workers(), e.workerCount()));
		}
		if (evidence instanceof PaymentFailedEvidence e) {
			return text(locale, "evidence.PAYMENT_FAILED", month(locale, e.month()), e.lineCount(), e.failedCount(),
					e.returnedCount(), money(e.netTotal()), workers(locale, e.workers(), e.lineCount()));
		}
		if (evidence instanceof TableUnconfirmedEvidence e) {
			return text(locale, "evidence.TABLE_UNCONFIRMED", month(locale, e.month()), e.unitName() == null ? "" : e.unitName(),
					e.unconfirmedCount(), e.lineCount(), day(locale, e.payDate()), day(locale, e.asOf()),
					workers(locale, e.workers(), e.unconfirmedCount()));
		}
		return "";
	}

	@Override
	public String describe(Recheck.Evidence evidence, Locale locale) {
		if (evidence instanceof R1RecheckEvidence e) {
			return text(locale, "evidence.recheck.R1", e.constructionDayCount(),
					text(locale, e.equipped() ? "evidence.recheck.equipped" : "evidence.recheck.not-equipped"),
					e.disconnectedDayCount());
		}
		if (evidence instanceof R2RecheckEvidence e) {
			return text(locale, "evidence.recheck.R2", month(locale, e.month()), e.constructionDayCount(),
					e.attendedDayCount(), e.requiredPercent(), e.ruleSet());
		}
		if (evidence instanceof R3RecheckEvidence e) {
			return text(locale, "evidence.recheck.R3", e.constructionDayCount(), e.engagedWorkers(),
					e.workersWithValidDay(), e.shortfall());
		}
		return "";
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/**
	 * The bundle's label of a code ({@code label.<EnumType>.<CONSTANT>}, nested enums
	 * {@code label.<Outer>.<EnumType>.<CONSTANT>}), as {@code Messages.label} reads it.
	 */
	private String label(Locale locale, Enum<?> code) {
		return code == null ? "" : messages.getMessage(Messages.labelKey(code), null, code.name(), locale);
	}

	/** The workers' masked names as the evidence lists them, and how many more there are. */
	private String workers(Locale locale, List<String> names, int count) {
		String listed = String.join(text(locale, "evidence.workers.separator"), names);
		return count > names.size() ? text(locale, "evidence.workers.more", listed, count - names.size()) : listed;
	}

	/** An amount of money as the evidence wrote it, two decimals. */
	private static String money(BigDecimal amount) {
		return amount == null ? "0.00" : amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
	}

	private static String name(String personName) {
		return personName == null ? "" : personName;
	}

	/** A percentage as the evidence wrote it (70.0 stays 70.0: a number format would drop the decimal). */
	private static String percent(BigDecimal value) {
		return value == null ? "" : value.toPlainString();
	}

	private String month(Locale locale, YearMonth month) {
		return format(locale, "evidence.format.month", month);
	}

	private String day(Locale locale, LocalDate day) {
		return format(locale, "evidence.format.day", day);
	}

	private String format(Locale locale, String key, TemporalAccessor value) {
		return value == null ? "" : DateTimeFormatter.ofPattern(messages.getMessage(key, null, locale), locale).format(value);
	}
}
