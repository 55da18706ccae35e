package io.siteroll.demo;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import io.siteroll.sharing.SharingAgreements;

/**
 * The demo's data sharing (数据共享): the provincial human-resources department's agreement for wage supervision,
 * approved by the province a month ago (workers and attendance, personal data masked); 长春市公安局's application
 * for the projects of 长春市, waiting for the province's decision; and a city system's agreement suspended.
 */
@Component
class DemoSharing {

	private final SharingAgreements agreements;

	DemoSharing(SharingAgreements agreements) {
		this.agreements = agreements;
	}

	void run(DemoStory story, LocalDate first, LocalDate today) {
		long hrss = story.on(first.minusDays(3), 10, 0, () -> story.as("province", () -> agreements.apply(application(
				"吉林省人力资源和社会保障厅", "农民工工资支付监管：核对专户代发对象与实名登记、考勤", "《保障农民工工资支付条例》第四十五条、第四十六条",
				List.of("WORKER_NAME", "WORKER_ID_NUMBER", "WORKER_PROJECT_CODE", "WORKER_TEAM", "WORKER_ENTRY_DATE",
						"WORKER_EXIT_DATE", "ATTENDANCE_PROJECT_CODE", "ATTENDANCE_DAY", "ATTENDANCE_PRESENT_WORKERS",
						"ATTENDANCE_VALID_WORKERS"),
				"220000", first.minusDays(3), today.plusYears(1), "王建设", "13904310001", "gzjg@hrss.jl.gov.cn", 60)).id()));
		story.on(first.minusDays(1), 9, 30, () -> story.as("province", () -> agreements.approve(hrss,
				"同意。个人身份信息以脱敏形式提供；明文须另行申请。")));
		story.on(today.minusDays(2), 15, 0, () -> story.as("province", () -> agreements.apply(application("长春市公安局",
				"建筑工地治安管理：掌握在建项目及其总承包单位", "《中华人民共和国治安管理处罚法》；吉建管〔2021〕6号",
				List.of("PROJECT_CODE", "PROJECT_NAME", "PROJECT_REGION", "PROJECT_ADDRESS", "PROJECT_CONTRACTOR_NAME",
						"PROJECT_STATUS"),
				"220100", today, today.plusMonths(6), "李警官", "13804310002", "zagl@ccga.gov.cn", 30))));
		long city = story.on(first.minusDays(20), 11, 0, () -> story.as("province", () -> agreements.apply(application(
				"吉林市住房和城乡建设局（市级实名制系统）", "市级平台数据回流", "吉建管〔2021〕6号",
				List.of("PROJECT_CODE", "PROJECT_NAME", "PROJECT_START_DATE", "ATTENDANCE_PROJECT_CODE", "ATTENDANCE_DAY",
						"ATTENDANCE_PRESENT_WORKERS"),
				"220200", first.minusDays(20), today.plusYears(1), "赵工程师", "13704320003", "smz@jlsjs.gov.cn", 120)).id()));
		story.on(first.minusDays(19), 9, 0, () -> story.as("province", () -> agreements.approve(city, "同意。")));
		story.on(today.minusDays(5), 16, 0, () -> story.as("province", () -> agreements.suspend(city,
				"接口调用超出约定频率，暂停待整改。")));
	}

	private static SharingAgreements.Application application(String consumer, String purpose, String basis,
			List<String> fields, String region, LocalDate from, LocalDate to, String contact, String phone, String email,
			int rate) {
		return new SharingAgreements.Application(consumer, purpose, basis, fields, false, List.of(region), from.toString(),
				to.toString(), contact, phone, email, String.valueOf(rate));
	}
}
