package io.siteroll.enforcement;

import java.time.LocalDate;
import java.util.List;

import io.siteroll.compliance.Measure;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * 监督检查: an on-site inspection: the checklist items (devices equipped and connected, managers
 * present, the on-site worker headcount and the R3 shortfall it gives), notes, attachments and the
 * function test of each device (防照片、视频作假).
 *
 * @param shortfallMeasure what the R3 shortfall called for on the day, or null when nobody was missing
 */
public record Inspection(long id, long projectId, LocalDate day, String inspectors, boolean devicesEquipped,
		boolean devicesConnected, List<String> managersPresent, int headcount, int workersWithValidDay, int shortfall,
		@Schema(nullable = true, description = "null when nobody was missing") Measure shortfallMeasure, String notes,
		String recordedBy, List<FunctionTest> functionTests, List<Long> orderIds) {

	/** One attack tried on one device, and whether the device refused it ({@code passed}). */
	public record FunctionTest(Long deviceId, Attack attack, Boolean passed, String evidence) {
	}

	/** 作假方式: what the inspectors hold up to a gate. Labels: {@code label.Inspection.Attack.<name>}. */
	public enum Attack {

		/** 打印照片. */
		PRINTED_PHOTO,

		/** 手机或屏幕上的照片. */
		SCREEN_PHOTO,

		/** 重放视频. */
		REPLAYED_VIDEO,

		/** 面具. */
		MASK;

		/** The attack of a code, or null for null or an unknown code. */
		public static Attack ofCode(String code) {
			for (Attack a : values()) {
				if (a.name().equals(code)) {
					return a;
				}
			}
			return null;
		}
	}
}
