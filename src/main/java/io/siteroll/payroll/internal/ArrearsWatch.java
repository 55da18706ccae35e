package io.siteroll.payroll.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import io.siteroll.payroll.PayrollReadModel;
import io.siteroll.payroll.WageArrears;
import io.siteroll.project.ProjectAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The arrears of a month, by the one SQL definition ({@link PayrollReadModel#UNPAID_WORKERS}) and the pay date. */
@Service
@Transactional(readOnly = true)
class ArrearsWatch implements WageArrears {

	private final JdbcClient jdbc;

	private final ProjectAccess access;

	private final PayrollSettings settings;

	private final Clock clock;

	ArrearsWatch(JdbcClient jdbc, ProjectAccess access, PayrollSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public LocalDate payDate(YearMonth month) {
		YearMonth next = month.plusMonths(1);
		return next.atDay(Math.min(settings.payDay(), next.lengthOfMonth()));
	}

	@Override
	public Arrears of(long projectId, YearMonth month) {
		access.requireVisible(projectId);
		LocalDate payDate = payDate(month);
		return new Arrears(month, payDate, LocalDate.now(clock).isAfter(payDate),
				jdbc.sql("select person_id, valid_days from " + PayrollReadModel.UNPAID_WORKERS.sql()
						+ "(:project, :month) order by person_id")
					.param("project", projectId).param("month", month.atDay(1))
					.query((rs, n) -> new UnpaidWorker(rs.getLong(1), rs.getLong(2)))
					.list());
	}
}
