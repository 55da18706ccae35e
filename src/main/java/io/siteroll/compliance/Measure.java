package io.siteroll.compliance;

/** 处理措施: what the checklist prescribes for a broken rule. Labels: {@code measure.<name>}. */
public enum Measure {

	/** 责令限期整改: an order with a deadline, penalised only if it is not rectified. */
	RECTIFICATION_ORDER,

	/** 行政处罚并记入不良行为记录: a penalty at once. */
	PENALTY
}
