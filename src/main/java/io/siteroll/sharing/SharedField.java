package io.siteroll.sharing;

/**
 * A field an agreement may grant, with the name it has in the answer. Personal fields (ID number, bank card) are
 * masked unless the agreement grants personal data in clear.
 */
public enum SharedField {

	PROJECT_CODE(DataSet.PROJECTS, "code", false),
	PROJECT_NAME(DataSet.PROJECTS, "name", false),
	PROJECT_REGION(DataSet.PROJECTS, "regionCode", false),
	PROJECT_ADDRESS(DataSet.PROJECTS, "address", false),
	PROJECT_CONTRACTOR_NAME(DataSet.PROJECTS, "contractorName", false),
	PROJECT_CONTRACTOR_CREDIT_CODE(DataSet.PROJECTS, "contractorCreditCode", false),
	PROJECT_START_DATE(DataSet.PROJECTS, "startDate", false),
	PROJECT_STATUS(DataSet.PROJECTS, "status", false),

	WORKER_NAME(DataSet.WORKERS, "name", false),
	WORKER_ID_NUMBER(DataSet.WORKERS, "idNumber", true),
	WORKER_WORK_TYPE(DataSet.WORKERS, "workType", false),
	WORKER_PROJECT_CODE(DataSet.WORKERS, "projectCode", false),
	WORKER_TEAM(DataSet.WORKERS, "team", false),
	WORKER_ENTRY_DATE(DataSet.WORKERS, "entryDate", false),
	WORKER_EXIT_DATE(DataSet.WORKERS, "exitDate", false),
	WORKER_BANK_CARD(DataSet.WORKERS, "bankCard", true),

	ATTENDANCE_PROJECT_CODE(DataSet.ATTENDANCE, "projectCode", false),
	ATTENDANCE_DAY(DataSet.ATTENDANCE, "day", false),
	ATTENDANCE_PRESENT_WORKERS(DataSet.ATTENDANCE, "presentWorkers", false),
	ATTENDANCE_VALID_WORKERS(DataSet.ATTENDANCE, "validWorkers", false);

	private final DataSet dataSet;

	private final String key;

	private final boolean personal;

	SharedField(DataSet dataSet, String key, boolean personal) {
		this.dataSet = dataSet;
		this.key = key;
		this.personal = personal;
	}

	public DataSet dataSet() {
		return dataSet;
	}

	/** The field's name in the answer's records. */
	public String key() {
		return key;
	}

	public boolean personal() {
		return personal;
	}
}
