package io.siteroll.project;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonValue;

/** 参建单位: an enterprise taking part in a project in one role (national 参建单位类型 code). */
public record ParticipatingUnit(long id, long projectId, long enterpriseId, String enterpriseName, String creditCode,
		Type unitType, LocalDate entryDate, LocalDate exitDate) {

	/**
	 * 参建单位类型, the national code table (UNIT_TYPE). The API speaks the national code ({@code "009"}), the
	 * code speaks the constant; labels: {@code label.ParticipatingUnit.Type.<CONSTANT>}.
	 */
	public enum Type {

		SPECIALIST_SUBCONTRACTOR("001"), EQUIPMENT_SUBCONTRACTOR("002"), MATERIALS_SUBCONTRACTOR("003"),
		LOGISTICS("004"), SPECIAL_EQUIPMENT("005"), LABOUR_SUBCONTRACTOR("006"), SUPERVISION("007"), OWNER("008"),
		GENERAL_CONTRACTOR("009"), SURVEY("010"), DESIGN("011"), OTHER("012");

		private final String code;

		Type(String code) {
			this.code = code;
		}

		/** The national code, as stored and as the API writes it. */
		@JsonValue
		public String code() {
			return code;
		}

		/** Builders on site (总包、专业分包、劳务分包): the units that employ workers and site managers. */
		public boolean builds() {
			return this == GENERAL_CONTRACTOR || this == SPECIALIST_SUBCONTRACTOR || this == LABOUR_SUBCONTRACTOR;
		}

		/** Owner and supervision watch the work and employ no workers, so they keep no teams. */
		public boolean keepsTeams() {
			return this != OWNER && this != SUPERVISION;
		}

		/** The type of a national code, or {@code null} for null or an unknown code. */
		public static Type ofCode(String code) {
			if (code == null) {
				return null;
			}
			String stripped = code.strip();
			for (Type t : values()) {
				if (t.code.equals(stripped)) {
					return t;
				}
			}
			return null;
		}
	}

	public boolean activeOn(LocalDate day) {
		return !entryDate.isAfter(day) && (exitDate == null || !exitDate.isBefore(day));
	}
}
