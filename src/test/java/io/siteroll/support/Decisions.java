package io.siteroll.support;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Officers' decisions as the API takes them, for tests that need one on the way to what they check. */
public final class Decisions {

	private Decisions() {
	}

	/**
	 * A penalty decision (行政处罚决定) for {@code POST /api/penalties}: by the 南关区 housing bureau, under a document
	 * number of its own; a mutable map, so that a test adds the finding, the first day of a stoppage or another maker.
	 */
	public static Map<String, Object> penalty(Long orderId, String party, List<String> measures, Integer fineYuan,
			LocalDate decidedOn) {
		Map<String, Object> decision = new LinkedHashMap<>();
		decision.put("orderId", orderId);
		decision.put("party", party);
		decision.put("measures", measures);
		decision.put("fineYuan", fineYuan);
		decision.put("decisionMaker", "长春市南关区住房和城乡建设局");
		decision.put("decidedOn", decidedOn);
		decision.put("documentNumber", "南建罚〔2026〕" + System.nanoTime() % 1_000_000 + "号");
		return decision;
	}

	/** The penalty page's form fining the general contractor {@code fineYuan} on {@code decidedOn}; mutable. */
	public static Map<String, String> fineOnThePage(String fineYuan, LocalDate decidedOn) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("party", "CONSTRUCTION_ENTERPRISE");
		form.put("measures", "FINE");
		form.put("fineYuan", fineYuan);
		form.put("decidedOn", decidedOn.toString());
		return form;
	}
}
