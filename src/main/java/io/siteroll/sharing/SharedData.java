package io.siteroll.sharing;

import java.util.List;
import java.util.Map;

/** The consumer's side: a signed read of one data set under its agreement. */
public interface SharedData {

	/** The request as received: method, path with query, the signature headers, and the query parameters. */
	record SignedRead(String method, String pathAndQuery, String clientId, String timestamp, String nonce,
			String signature, String dataSet, String region, Integer page, Integer size, String from, String to) {
	}

	/** The records (each only with granted fields, in the data set's order), and the page they are. */
	@io.swagger.v3.oas.annotations.media.Schema(name = "SharedDataAnswer")
	record Answer(DataSet dataSet, List<String> fields, int page, int size, long total,
			List<Map<String, Object>> items) {
	}

	/** Serves the read or throws {@link SharingRefused} (or a rule violation for malformed parameters); logs both. */
	Answer read(SignedRead request);
}
