package io.siteroll.privacy.internal;

import java.util.Map;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.identity.Actor;
import io.siteroll.identity.CurrentActor;
import io.siteroll.platform.Forbidden;
import io.siteroll.privacy.PersonalDataCipher;
import io.siteroll.privacy.PersonalDataReveals;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
class AuditedReveals implements PersonalDataReveals {

	private final PersonalDataCipher cipher;

	private final AuditTrail audit;

	private final CurrentActor actors;

	AuditedReveals(PersonalDataCipher cipher, AuditTrail audit, CurrentActor actors) {
		this.cipher = cipher;
		this.audit = audit;
		this.actors = actors;
	}

	@Override
	@Transactional
	public String reveal(String subjectType, Object subjectId, String field, String purpose, byte[] value) {
		permit(subjectType, subjectId, field);
		return cipher.decrypt(purpose, value);
	}

	@Override
	@Transactional
	public byte[] revealBytes(String subjectType, Object subjectId, String field, String purpose, byte[] value) {
		permit(subjectType, subjectId, field);
		return cipher.decryptBytes(purpose, value);
	}

	private void permit(String subjectType, Object subjectId, String field) {
		Actor actor = actors.get();
		if (!actor.mayRevealPersonalData()) {
			throw new Forbidden("reveal-not-permitted");
		}
		audit.record(new AuditRecord("PERSONAL_DATA_REVEALED", subjectType, String.valueOf(subjectId), null,
				Map.of("field", field, "role", actor.role().name())));
	}
}
