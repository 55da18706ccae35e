package io.siteroll.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** {@link Stoppage#overlaps}: two stoppages of a project never share a day; an open end runs on for ever. */
class StoppageTest {

	private static final LocalDate D = LocalDate.of(2026, 3, 10);

	private static Stoppage stoppage(LocalDate first, LocalDate last) {
		return new Stoppage(1, 1, first, last, "冬休", Stoppage.Kind.DECLARED, "clerk", Stoppage.Status.IN_FORCE, first,
				null, null);
	}

	@Test
	void closedStoppagesOverlapWhenTheyShareADayEvenTheLastOrTheFirst() {
		Stoppage march10to20 = stoppage(D, D.plusDays(10));
		assertThat(march10to20.overlaps(D.minusDays(5), D.minusDays(1))).as("ends the day before").isFalse();
		assertThat(march10to20.overlaps(D.minusDays(5), D)).as("ends on its first day").isTrue();
		assertThat(march10to20.overlaps(D.plusDays(3), D.plusDays(4))).as("inside").isTrue();
		assertThat(march10to20.overlaps(D.minusDays(1), D.plusDays(11))).as("around").isTrue();
		assertThat(march10to20.overlaps(D.plusDays(10), D.plusDays(12))).as("begins on its last day").isTrue();
		assertThat(march10to20.overlaps(D.plusDays(11), D.plusDays(12))).as("begins the day after").isFalse();
	}

	@Test
	void anOpenEndedPeriodOverlapsEverythingFromItsFirstDay() {
		Stoppage march10to20 = stoppage(D, D.plusDays(10));
		assertThat(march10to20.overlaps(D.plusDays(10), null)).isTrue();
		assertThat(march10to20.overlaps(D.plusDays(11), null)).isFalse();
		assertThat(march10to20.overlaps(D.minusYears(1), null)).isTrue();
	}

	@Test
	void anOpenStoppageOverlapsEverythingThatReachesItsFirstDay() {
		Stoppage fromMarch10 = stoppage(D, null);
		assertThat(fromMarch10.overlaps(D.minusDays(3), D.minusDays(1))).isFalse();
		assertThat(fromMarch10.overlaps(D.minusDays(3), D)).isTrue();
		assertThat(fromMarch10.overlaps(D.plusYears(2), D.plusYears(2))).isTrue();
		assertThat(fromMarch10.overlaps(D.minusDays(3), null)).isTrue();
	}

	@Test
	void overlapIsSymmetricBetweenStoppages() {
		Stoppage a = stoppage(D, D.plusDays(3));
		Stoppage b = stoppage(D.plusDays(3), null);
		Stoppage c = stoppage(D.plusDays(4), D.plusDays(6));
		assertThat(a.overlaps(b)).isTrue();
		assertThat(b.overlaps(a)).isTrue();
		assertThat(a.overlaps(c)).isFalse();
		assertThat(c.overlaps(a)).isFalse();
		assertThat(b.overlaps(c)).isTrue();
		assertThat(c.overlaps(b)).isTrue();
	}

	@Test
	void aSingleDayStoppageOverlapsOnlyThatDay() {
		Stoppage oneDay = stoppage(D, D);
		assertThat(oneDay.overlaps(D, D)).isTrue();
		assertThat(oneDay.overlaps(D.plusDays(1), D.plusDays(1))).isFalse();
		assertThat(oneDay.overlaps(D.minusDays(1), D.minusDays(1))).isFalse();
	}

	@Test
	void aRejectedStoppageNoLongerStands() {
		Stoppage rejected = new Stoppage(1, 1, D, null, "r", Stoppage.Kind.DECLARED, "clerk", Stoppage.Status.REJECTED, D,
				"county", "材料不全");
		assertThat(rejected.standing()).isFalse();
		assertThat(rejected.inForce()).isFalse();
		assertThat(stoppage(D, null).standing()).isTrue();
	}
}
