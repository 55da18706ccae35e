package io.siteroll.compliance.internal;

import java.util.Locale;

import io.siteroll.compliance.EvidenceSentences;
import io.siteroll.compliance.Finding;
import io.siteroll.compliance.Warning;
import org.springframework.stereotype.Component;

/** Interim: the sentences as the order issuing wrote them before evidence was typed. */
@Component
class EvidenceInWords implements EvidenceSentences {

	@Override
	public String orderItems(Finding f) {
		Object arithmetic = f.evidence().get("arithmetic");
		String what = switch (f.rule()) {
			case R1 -> "考勤设备未按要求配备或未联网";
			case R2 -> (f.personName() == null ? "" : f.personName()) + " " + f.month() + " 到岗履职不达标"
					+ (arithmetic == null ? "" : "（" + arithmetic + "）");
			case R3 -> f.month() + " 作业人员缺少考勤 " + f.evidence().get("shortfall") + " 人";
			default -> "";
		};
		return what + "。" + f.measures();
	}

	@Override
	public String orderItems(Warning w) {
		return "预警：" + w.kind() + "，" + w.evidence();
	}

	@Override
	public String describe(Finding finding, Locale locale) {
		return String.valueOf(finding.evidence());
	}

	@Override
	public String describe(Warning warning, Locale locale) {
		return String.valueOf(warning.evidence());
	}
}
