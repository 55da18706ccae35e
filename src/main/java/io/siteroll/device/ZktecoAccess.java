package io.siteroll.device;

import java.time.Instant;
import java.util.List;

/**
 * Who may speak ZKTeco PUSH as a device, deny by default: its communication key ({@code pushcommkey},
 * issued by the platform, shown once, kept only as a hash) and the source networks it may connect
 * from. A ZKTeco device with neither is refused until an officer or its enterprise (whoever may
 * manage the project) configures one; with both, a request needs both. Every change is audited and
 * closes the device's session.
 */
public interface ZktecoAccess {

	/** What is configured; never the key itself. */
	record Settings(long deviceId, String serialNumber, boolean keyIssued, Instant keyIssuedAt,
			List<String> allowedNetworks) {

		/** A device with neither key nor networks is refused. */
		public boolean configured() {
			return keyIssued || !allowedNetworks.isEmpty();
		}
	}

	/** A freshly issued communication key, shown this once. */
	record IssuedKey(Settings settings, String commKey) {

		@Override
		public String toString() {
			return "IssuedKey[" + settings.serialNumber() + "]";
		}
	}

	/** Largest number of source networks per device. */
	int MAX_NETWORKS = 16;

	Settings settings(long deviceId);

	/** Issues a new communication key (the old one and the open session stop working at once). */
	IssuedKey issueKey(long deviceId);

	/** Replaces the source networks (CIDR, e.g. {@code 10.8.0.0/16}, or single addresses); empty clears them. */
	Settings allowNetworks(long deviceId, List<String> networks);
}
