package io.siteroll.payroll;

import java.time.LocalDate;

import io.siteroll.platform.Conflict;

/**
 * 农民工工资专用账户: the project's one wage account. The aggregate guards its own lifecycle: opened → in use (money
 * came in or went out) → closing (a 30-day public notice) → closed; a state never goes back.
 */
public record WageAccount(long id, long projectId, String bankName, String bankCode, String numberMasked,
		String agreementFileName, State state, LocalDate openedOn, LocalDate closingNoticedOn, LocalDate closedOn,
		String openedBy) {

	/** The public notice before closing (条例 art. 27). */
	public static final int CLOSING_NOTICE_DAYS = 30;

	public enum State {
		/** 已开户 */
		OPENED,
		/** 使用中 */
		IN_USE,
		/** 销户公示中 */
		CLOSING,
		/** 已销户 */
		CLOSED
	}

	/** Money came in or went out: an opened account is in use; a closed one takes nothing. */
	public WageAccount used() {
		requireNot(State.CLOSED, "wage-account.closed");
		return state == State.OPENED ? with(State.IN_USE, closingNoticedOn, closedOn) : this;
	}

	/** Starts the 30-day public notice before closing, from {@code today}. */
	public WageAccount noticeClosing(LocalDate today) {
		if (state != State.OPENED && state != State.IN_USE) {
			throw new Conflict("state", "wage-account.not-open");
		}
		return with(State.CLOSING, today, null);
	}

	/** Closes the account once its public notice has run its 30 days. */
	public WageAccount close(LocalDate today) {
		if (state != State.CLOSING) {
			throw new Conflict("state", "wage-account.not-closing");
		}
		LocalDate earliest = closingNoticedOn.plusDays(CLOSING_NOTICE_DAYS);
		if (today.isBefore(earliest)) {
			throw new Conflict("state", "wage-account.notice-running", earliest.toString());
		}
		return with(State.CLOSED, closingNoticedOn, today);
	}

	/** The day the notice allows closing, or null when no notice runs. */
	public LocalDate closableFrom() {
		return closingNoticedOn == null ? null : closingNoticedOn.plusDays(CLOSING_NOTICE_DAYS);
	}

	private void requireNot(State s, String rule) {
		if (state == s) {
			throw new Conflict("state", rule);
		}
	}

	private WageAccount with(State next, LocalDate noticed, LocalDate closed) {
		return new WageAccount(id, projectId, bankName, bankCode, numberMasked, agreementFileName, next, openedOn, noticed,
				closed, openedBy);
	}
}
