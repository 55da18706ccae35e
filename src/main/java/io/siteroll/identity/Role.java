package io.siteroll.identity;

/** Who a user is on the platform; the scope column says what they may see. */
public enum Role {

	/** 省住建厅: the whole province. */
	PROVINCE_OFFICER,
	/** 市州住建局 (also 长春新区, 长白山管委会): their region's subtree. */
	CITY_OFFICER,
	/** 县市住建局: their county. */
	COUNTY_OFFICER,
	/** 企业管理员: the projects their enterprise takes part in. */
	ENTERPRISE_ADMIN,
	/** 劳资专管员: one project. */
	LABOUR_CLERK;

	public boolean isOfficer() {
		return this == PROVINCE_OFFICER || this == CITY_OFFICER || this == COUNTY_OFFICER;
	}
}
