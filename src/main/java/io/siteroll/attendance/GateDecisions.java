package io.siteroll.attendance;

/**
 * 在线核验: may this person pass this gate now? Unregistered people never do (R3). Every refusal is
 * kept as evidence.
 */
public interface GateDecisions {

	record GateDecision(boolean allow, RefusalReason reason, Long personId, String personName) {
	}

	/** The person by platform id (the device's PIN) or, for ID-card readers, by ID number. */
	GateDecision decide(Gate gate, Long personId, String idNumber);
}
