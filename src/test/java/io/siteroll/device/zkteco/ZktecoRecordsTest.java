package io.siteroll.device.zkteco;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

import io.siteroll.attendance.Gate;
import io.siteroll.attendance.PassRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ZktecoRecordsTest {

	@ParameterizedTest(name = "UTC offset {0} min → TimeZone={1}")
	@CsvSource({ "480, 8", "0, 0", "-300, -5", "330, 330", "345, 345", "-210, -210", "720, 12" })
	void timeZoneIsHoursWhenWholeAndMinutesOtherwise(int offsetMinutes, String option) {
		assertThat(ZktecoRecords.timeZoneOption(offsetMinutes)).isEqualTo(option);
	}

	@ParameterizedTest(name = "verify {0} → attendType {1}")
	@CsvSource({ "15, 001", "16, 001", "20, 001", "27, 001", "29, 001", "1, 003", "5, 003", "14, 003", "25, 004",
			"28, 004", "4, 006", "11, 006", "0, 011", "2, 011", "3, 011", "21, 011", "200, 011", "x, 011" })
	void verifyModesMapToNationalCodes(String verify, String attendType) {
		assertThat(ZktecoRecords.attendType(verify)).isEqualTo(attendType);
	}

	@Test
	void attlogLinesArePositionalOrKeyedWithExtraColumnsAndDeviceLocalTime() {
		String body = "ATTLOG\n2107\t2024-03-05 07:58:12\t0\t15\t0\t0\t0\t1\t36.5\n"
				+ "PIN=2311 DateTime=2024-03-05 17:02:40 Verified=1 Status=1\n" + "broken\n"
				+ "2400\tnot-a-time\t0\t15\n";
		ZktecoRecords.Parsed parsed = ZktecoRecords.attlog(body, 330, "ZKTECO_ATT");
		assertThat(parsed.passes()).hasSize(2);
		assertThat(parsed.unreadable()).containsExactly("broken", "2400\tnot-a-time\t0\t15");
		PassRecord first = parsed.passes().get(0);
		assertThat(first.personRef()).isEqualTo("2107");
		assertThat(first.deviceTime()).isEqualTo(LocalDateTime.of(2024, 3, 5, 7, 58, 12).atOffset(ZoneOffset.ofHoursMinutes(5, 30)));
		assertThat(first.sourceKey()).isEqualTo("2107|2024-03-05 07:58:12|0");
		assertThat(first.attendType()).isEqualTo("001");
		PassRecord second = parsed.passes().get(1);
		assertThat(second.personRef()).isEqualTo("2311");
		assertThat(second.direction()).isEqualTo(Gate.Direction.OUT);
		assertThat(second.attendType()).isEqualTo("003");
	}

	@Test
	void rtlogDedupesOnIndexAndMarksRefusalsByTheDevice() {
		String body = "time=2024-03-05 07:58:12\tpin=2107\tcardno=0\teventaddr=1\tevent=0\tinoutstatus=1\tverifytype=15\tindex=83\n"
				+ "time=2024-03-05 07:59:00\tpin=0\tevent=27\tverifytype=15\n";
		ZktecoRecords.Parsed parsed = ZktecoRecords.rtlog(body, 480, "ZKTECO_ACC");
		assertThat(parsed.passes()).hasSize(2);
		assertThat(parsed.passes().get(0).sourceKey()).isEqualTo("IDX|83");
		assertThat(parsed.passes().get(0).direction()).isEqualTo(Gate.Direction.OUT);
		assertThat(parsed.passes().get(0).refusedByDevice()).isFalse();
		assertThat(parsed.passes().get(1).sourceKey()).isEqualTo("0|2024-03-05 07:59:00|27");
		assertThat(parsed.passes().get(1).refusedByDevice()).isTrue();
	}

	@Test
	void photoFileNamesGiveTimeAndPin() {
		ZktecoRecords.PhotoName name = ZktecoRecords.PhotoName.parse("20240305075812-2107.jpg");
		assertThat(name.pin()).isEqualTo("2107");
		assertThat(name.time()).isEqualTo(LocalDateTime.of(2024, 3, 5, 7, 58, 12));
		assertThat(ZktecoRecords.PhotoName.parse("photo.jpg")).isNull();
	}
}
