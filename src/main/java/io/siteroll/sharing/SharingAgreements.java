package io.siteroll.sharing;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import io.siteroll.platform.Page;

/**
 * The agreements and their decisions. Every officer reads them; only a province officer enters an application and
 * decides it (未经省住建厅同意，不得将实名管理采集产生的数据违规提供给第三方).
 */
public interface SharingAgreements {

	/** An application as typed on the form (strings, so that every mistake is reported at once, per field). */
	record Application(String consumer, String purpose, String legalBasis, List<String> fields, boolean personalInClear,
			List<String> regions, String validFrom, String validTo, String contactName, String contactPhone,
			String contactEmail, String ratePerMinute) {
	}

	/** What approval hands over once: the client id and the secret, which the platform never shows again. */
	record Credentials(String clientId, String secret) {
	}

	/** One request as the access log keeps it. */
	record Access(long id, String clientId, DataSet dataSet, List<String> fields, String regionCode, int records,
			int status, String refusedRule, Instant at) {

		public boolean refused() {
			return refusedRule != null;
		}
	}

	/** One month of one data set's use under an agreement. */
	record Usage(YearMonth month, DataSet dataSet, long requests, long refused, long records) {
	}

	Agreement apply(Application application);

	Agreement find(long id);

	/** Agreements in the stated state ({@code EXPIRED} included), matching {@code q} in consumer or purpose. */
	Page<Agreement> list(Agreement.State state, String q, int page, int size);

	Credentials approve(long id, String note);

	Agreement reject(long id, String note);

	Agreement suspend(long id, String note);

	Agreement resume(long id, String note);

	/**
	 * 重置密钥: a new secret for an approved or suspended agreement, for a stated reason; the client id stays and the old
	 * secret stops signing at once. Answered once, like the approval's. {@code secretInForce} is the issue time of the
	 * secret the officer saw (epoch milliseconds, from the page): when another secret was issued since (the same form
	 * sent again, or another officer), nothing changes and the answer is a conflict, so a resent form never revokes
	 * the secret just handed over.
	 */
	Credentials reissueSecret(long id, String reason, Long secretInForce);

	Page<Access> accessLog(long agreementId, int page, int size);

	/** Per month (latest first) and data set: requests, refused requests, records returned. */
	List<Usage> usage(long agreementId);

	/** Totals per month for the page's summary. */
	default Map<YearMonth, Long> requestsPerMonth(long agreementId) {
		Map<YearMonth, Long> totals = new java.util.LinkedHashMap<>();
		usage(agreementId).forEach(u -> totals.merge(u.month(), u.requests(), Long::sum));
		return totals;
	}
}
