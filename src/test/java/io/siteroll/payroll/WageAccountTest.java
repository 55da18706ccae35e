package io.siteroll.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import io.siteroll.payroll.WageAccount.State;
import io.siteroll.platform.Conflict;
import org.junit.jupiter.api.Test;

/** The wage account's lifecycle, guarded by the aggregate: opened → in use → closing (30 days) → closed. */
class WageAccountTest {

	static final LocalDate DAY = LocalDate.of(2026, 3, 2);

	static WageAccount opened() {
		return new WageAccount(1, 1, "工行", "102", "6217****3333", "三方协议.pdf", State.OPENED, DAY, null, null, "gc");
	}

	@Test
	void moneyPutsAnOpenedAccountInUseOnce() {
		WageAccount used = opened().used();
		assertThat(used.state()).isEqualTo(State.IN_USE);
		assertThat(used.used()).isSameAs(used);
	}

	@Test
	void closingWaitsThirtyDaysOfPublicNotice() {
		WageAccount closing = opened().used().noticeClosing(DAY);
		assertThat(closing.state()).isEqualTo(State.CLOSING);
		assertThat(closing.closableFrom()).isEqualTo(DAY.plusDays(30));
		assertThatThrownBy(() -> closing.close(DAY.plusDays(29))).isInstanceOf(Conflict.class)
			.hasMessageContaining("wage-account.notice-running");
		WageAccount closed = closing.close(DAY.plusDays(30));
		assertThat(closed.state()).isEqualTo(State.CLOSED);
		assertThat(closed.closedOn()).isEqualTo(DAY.plusDays(30));
	}

	@Test
	void noStateGoesBack() {
		assertThatThrownBy(() -> opened().close(DAY)).isInstanceOf(Conflict.class).hasMessageContaining("not-closing");
		WageAccount closed = opened().noticeClosing(DAY).close(DAY.plusDays(31));
		assertThatThrownBy(closed::used).isInstanceOf(Conflict.class).hasMessageContaining("wage-account.closed");
		assertThatThrownBy(() -> closed.noticeClosing(DAY)).isInstanceOf(Conflict.class);
	}
}
