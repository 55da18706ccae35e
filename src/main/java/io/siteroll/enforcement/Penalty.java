package io.siteroll.enforcement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.siteroll.compliance.Party;

/** 行政处罚决定: on whom, under which rule, what measures, by whom, when, with which document number. */
public record Penalty(long id, long projectId, Long orderId, Long findingId, Party party, Long enterpriseId,
		Long personId, String legalBasis, List<Sanction> measures, BigDecimal fineYuan, Long stoppageId, Status status,
		String decisionMaker, LocalDate decidedOn, String documentNumber, LocalDate liftedOn) {

	/** 处罚措施: what a decision may impose. Labels: {@code label.Penalty.Sanction.<name>}. */
	public enum Sanction {

		/** 罚款: needs the amount; 55th article of the wage regulation: within its range. */
		FINE,

		/** 责令停工: stops the project (an ORDERED stoppage) until lifted. */
		STOP_WORK,

		/** 限制承接工程. */
		CONTRACT_RESTRICTION,

		/** 降低资质等级. */
		QUALIFICATION_LOWERED,

		/** 吊销资质证书. */
		QUALIFICATION_REVOKED,

		/** 警告. */
		WARNING_NOTICE;

		/** The sanction of a code, or null for null or an unknown code. */
		public static Sanction ofCode(String code) {
			for (Sanction s : values()) {
				if (s.name().equals(code)) {
					return s;
				}
			}
			return null;
		}
	}

	/** A decision is in force until a stop-work order is lifted. Labels: {@code label.Penalty.Status.<name>}. */
	public enum Status {
		DECIDED, LIFTED
	}
}
