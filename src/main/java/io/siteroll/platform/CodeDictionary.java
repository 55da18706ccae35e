package io.siteroll.platform;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * National and provincial code dictionaries (人员证件类型, 参建单位类型, 工种, 项目分类, 建设性质, 岗位 …),
 * kept as data because the national lists change.
 */
public interface CodeDictionary {

	record Code(String kind, String code, String nameZh, String nameEn) {

		public String name(Locale locale) {
			return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
		}
	}

	String ID_TYPE = "ID_TYPE";

	String UNIT_TYPE = "UNIT_TYPE";

	String PROJECT_CATEGORY = "PROJECT_CATEGORY";

	String CONSTRUCTION_NATURE = "CONSTRUCTION_NATURE";

	String WORK_TYPE = "WORK_TYPE";

	String MANAGER_POST = "MANAGER_POST";

	String CONTRACT_PERIOD_TYPE = "CONTRACT_PERIOD_TYPE";

	String BANK = "BANK";

	/** 通行方式 (national attendType). */
	String ATTEND_TYPE = "ATTEND_TYPE";

	Optional<Code> find(String kind, String code);

	default boolean exists(String kind, String code) {
		return find(kind, code).isPresent();
	}

	/** The code, or a violation of rule {@code code.unknown} naming the dictionary ({@code required} when blank). */
	default Code require(String kind, String code) {
		if (code == null || code.isBlank()) {
			throw RuleViolation.rule("required");
		}
		return find(kind, code).orElseThrow(() -> RuleViolation.rule("code.unknown", kind));
	}

	List<Code> list(String kind);

	Map<String, List<Code>> all();

	/** Chinese name of a code, or the code itself when unknown. */
	default String name(String kind, String code) {
		return find(kind, code).map(Code::nameZh).orElse(code);
	}
}
