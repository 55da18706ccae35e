package io.siteroll.sharing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/** 共享协议: who reads what, where, for what and until when, and where its decision stands. */
public record Agreement(long id, String consumer, String purpose, String legalBasis, Set<SharedField> fields,
		boolean personalInClear, List<String> regions, LocalDate validFrom, LocalDate validTo, String contactName,
		String contactPhone, String contactEmail, int ratePerMinute, State storedState, String clientId,
		String decisionNote, String appliedBy, Instant appliedAt, String decidedBy, Instant decidedAt,
		Instant secretIssuedAt, String secretReissuedBy, String secretReissueNote) {

	/** The life of an agreement. EXPIRED is never stored: an approved or suspended agreement past its end is. */
	public enum State {
		APPLIED, APPROVED, REJECTED, SUSPENDED, EXPIRED
	}

	/** The state on {@code today}: an approved or suspended agreement is expired the day after valid-to. */
	public State state(LocalDate today) {
		if ((storedState == State.APPROVED || storedState == State.SUSPENDED) && today.isAfter(validTo)) {
			return State.EXPIRED;
		}
		return storedState;
	}

	/** Whether the province may reissue the secret on {@code today}: the agreement has one and is not over. */
	public boolean mayReissueSecret(LocalDate today) {
		State state = state(today);
		return clientId != null && (state == State.APPROVED || state == State.SUSPENDED);
	}

	/** The data sets granted, in their order. */
	public List<DataSet> dataSets() {
		return fields.stream().map(SharedField::dataSet).distinct().sorted().toList();
	}

	/** The fields granted of one data set, in their order. */
	public List<SharedField> fields(DataSet dataSet) {
		return fields.stream().filter(f -> f.dataSet() == dataSet).sorted().toList();
	}
}
