package io.siteroll.attendance;

/** Why a gate refuses a person (and why a pass is kept as refused). */
public enum RefusalReason {
	/** 未实名登记: nobody with this reference is registered. Never let in (R3). */
	NOT_REGISTERED,
	/** Registered, but neither engaged as a worker nor in a manager post on this project that day. */
	NOT_ENGAGED,
	/** 已退场: the engagement on this project ended before that day. */
	EXITED,
	/** 无劳动合同: no labour contract covers that day. */
	NO_CONTRACT,
	/** 黑名单. */
	BLACKLISTED,
	/** The device has been disabled: it may not admit anyone. */
	DEVICE_DISABLED,
	/** The device itself refused the person (face not matched, spoof detected, outside permitted time). */
	REFUSED_BY_DEVICE
}
