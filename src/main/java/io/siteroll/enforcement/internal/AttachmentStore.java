package io.siteroll.enforcement.internal;

import java.util.List;
import java.util.Map;

import io.siteroll.audit.AuditRecord;
import io.siteroll.audit.AuditTrail;
import io.siteroll.enforcement.Attachment;
import io.siteroll.platform.Checks;
import io.siteroll.platform.NotFound;
import io.siteroll.privacy.PersonalDataCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Photos and documents of inspections and of rectification reports: checked the same way (a name, not empty, at
 * most 10 MB), stored encrypted under a purpose of their own with their SHA-256, and audited; listed without their
 * content, and opened in clear only one at a time, each opening audited. Who may add or open one is the caller's
 * business.
 */
@Component
class AttachmentStore {

	static final int MAX_BYTES = 10 * 1024 * 1024;

	/** What an attachment belongs to: its table, the owner's column and the cipher purpose. */
	enum Owner {
		INSPECTION("inspection_attachment", "inspection_id", "inspectionId", "inspection.attachment"),
		ORDER("order_attachment", "order_id", "orderId", "order.attachment");

		final String table;

		final String column;

		final String auditKey;

		final String purpose;

		Owner(String table, String column, String auditKey, String purpose) {
			this.table = table;
			this.column = column;
			this.auditKey = auditKey;
			this.purpose = purpose;
		}
	}

	private final JdbcClient jdbc;

	private final PersonalDataCipher cipher;

	private final AuditTrail audit;

	AttachmentStore(JdbcClient jdbc, PersonalDataCipher cipher, AuditTrail audit) {
		this.jdbc = jdbc;
		this.cipher = cipher;
		this.audit = audit;
	}

	/** Checks and stores one attachment; returns its id. */
	long store(Owner owner, long ownerId, String fileName, String contentType, byte[] content, String uploadedBy) {
		Checks checks = new Checks();
		checks.maxLength("file", checks.required("file", fileName), 200);
		checks.check(content != null && content.length > 0, "file", "required");
		checks.check(content == null || content.length <= MAX_BYTES, "file", "upload-too-large");
		checks.throwIfAny();
		long id = jdbc.sql("""
				insert into %s (%s, file_name, content_type, size_bytes, sha256, cipher, uploaded_by)
				values (?, ?, ?, ?, sha256(?), ?, ?) returning id""".formatted(owner.table, owner.column))
			.params(ownerId, fileName, contentType == null ? "application/octet-stream" : contentType, content.length,
					content, cipher.encryptBytes(owner.purpose, content), uploadedBy)
			.query(Long.class)
			.single();
		audit.record(AuditRecord.created(owner.table, id, Map.of(owner.auditKey, ownerId, "fileName", fileName)));
		return id;
	}

	/** The owner's attachments, oldest first, without their content. */
	List<Attachment> list(Owner owner, long ownerId) {
		return jdbc.sql("""
				select id, file_name, size_bytes, uploaded_by, uploaded_at from %s where %s = ? order by id"""
			.formatted(owner.table, owner.column))
			.param(ownerId)
			.query((rs, n) -> new Attachment(rs.getLong("id"), rs.getString("file_name"), rs.getLong("size_bytes"),
					rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant()))
			.list();
	}

	/** One attachment of the owner in clear, and an audit entry that says who opened it. */
	Attachment.File open(Owner owner, long ownerId, long attachmentId) {
		Attachment.File file = jdbc.sql("select file_name, content_type, cipher from %s where id = ? and %s = ?"
			.formatted(owner.table, owner.column))
			.params(attachmentId, ownerId)
			.query((rs, n) -> new Attachment.File(rs.getString("file_name"), rs.getString("content_type"),
					cipher.decryptBytes(owner.purpose, rs.getBytes("cipher"))))
			.optional()
			.orElseThrow(() -> new NotFound("attachment", attachmentId));
		audit.record(AuditRecord.changed("OPENED", owner.table, attachmentId, null,
				Map.of(owner.auditKey, ownerId, "fileName", file.fileName())));
		return file;
	}
}
