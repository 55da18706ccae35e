package io.siteroll.region;

/** One division. {@code path} lists the codes from the province down, e.g. {@code 220000/220100/220102/}. */
public record Region(String code, String name, Level level, String parentCode, String path) {

	public enum Level {
		PROVINCE, CITY, COUNTY, SUPERVISORY
	}

	/** True when {@code other} is this region or lies below it. */
	public boolean contains(Region other) {
		return other.path().startsWith(path);
	}

	/** Projects are located in a county-level division or directly in a supervisory region. */
	public boolean mayHoldProjects() {
		return level == Level.COUNTY || level == Level.SUPERVISORY;
	}

	/**
	 * The housing department of this division by its official name, as documents are issued and officers sign:
	 * the province's 住房和城乡建设厅, any other division's 住房和城乡建设局 (吉林省住房和城乡建设厅, 长春市住房和城乡建设局).
	 */
	public String department() {
		return name + (level == Level.PROVINCE ? "住房和城乡建设厅" : "住房和城乡建设局");
	}
}
