package io.siteroll.national;

import java.time.Instant;
import java.util.Optional;

/**
 * In: SiteRoll's own {@code open.api}, on which an enterprise labour system reports in the national format under a
 * project key (一项目一密钥) and acts as the account that issued it (docs/national-platform.md).
 */
public interface NationalInbound {

	/** A key as issued: the appid (the project code) and the secret, shown this once. */
	record IssuedKey(String appid, String appsecret) {
	}

	/** Issues the project's key, revoking the previous one; the caller must manage the project. */
	IssuedKey issueKey(long projectId);

	/** Issues the key of the caller's enterprise (its administrator only): the appid is its credit code. */
	IssuedKey issueEnterpriseKey();

	/** When the caller's enterprise key was issued, if it has one. */
	Optional<Instant> enterpriseKeyIssuedAt();

	/** When the project's active key was issued; the caller must see the project. */
	Optional<Instant> keyIssuedAt(long projectId);

	/** The answer to one call, as the national platform would give it. */
	NationalAnswer answer(OpenApiEnvelope call);
}
