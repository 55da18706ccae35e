package io.siteroll.enforcement;

import java.time.LocalDate;
import java.util.List;

/**
 * 监督检查: an on-site inspection: the checklist items (devices equipped and connected, managers
 * present, the on-site worker headcount and the R3 shortfall it gives), notes, attachments and the
 * function test of each device (防照片、视频作假).
 */
public record Inspection(long id, long projectId, LocalDate day, String inspectors, boolean devicesEquipped,
		boolean devicesConnected, List<String> managersPresent, int headcount, int workersWithValidDay, int shortfall,
		String shortfallMeasure, String notes, String recordedBy, List<FunctionTest> functionTests, List<Long> orderIds) {

	/** One attack tried on one device. */
	public record FunctionTest(Long deviceId, String attack, Boolean passed, String evidence) {
	}

	public static final List<String> ATTACKS = List.of("PRINTED_PHOTO", "SCREEN_PHOTO", "REPLAYED_VIDEO", "MASK");
}
