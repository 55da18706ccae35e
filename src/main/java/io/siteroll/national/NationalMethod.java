package io.siteroll.national;

import java.util.Arrays;
import java.util.Optional;

/**
 * The methods of {@code open.api} SiteRoll speaks, with the stage each write takes in the upload order the national
 * platform's checks imply: enterprise → project → participating unit → team (which returns its {@code teamSysNo}) →
 * worker → contract and entry/exit → attendance → payroll. A change of a later stage is sent only after the earlier
 * stages it refers to are accepted.
 */
public enum NationalMethod {

	CORP_UPLOAD("Corp.Upload", 0),
	PROJECT_ADD("Project.Add", 1),
	PROJECT_UPDATE("Project.Update", 1),
	SUBCONTRACTOR_ADD("ProjectSubContractor.Add", 2),
	SUBCONTRACTOR_UPDATE("ProjectSubContractor.Update", 2),
	TEAM_ADD("Team.Add", 3),
	TEAM_UPDATE("Team.Update", 3),
	WORKER_ADD("ProjectWorker.Add", 4),
	WORKER_UPDATE("ProjectWorker.Update", 4),
	CONTRACT_ADD("WorkerContract.Add", 5),
	ENTRY_EXIT_ADD("WorkerEntryExit.Add", 5),
	ATTENDANCE_ADD("WorkerAttendance.Add", 6),
	PAYROLL_ADD("Payroll.Add", 7),
	PROJECT_QUERY("Project.Query", -1),
	SUBCONTRACTOR_QUERY("ProjectSubContractor.Query", -1),
	TEAM_QUERY("Team.Query", -1),
	WORKER_QUERY("ProjectWorker.Query", -1),
	ENTRY_EXIT_QUERY("WorkerEntryExit.Query", -1),
	CONTRACT_QUERY("WorkerContract.Query", -1),
	ATTENDANCE_QUERY("WorkerAttendance.Query", -1),
	ASYNC_RESULT_QUERY("AsyncHandleResult.Query", -1);

	private final String wireName;

	private final int stage;

	NationalMethod(String wireName, int stage) {
		this.wireName = wireName;
		this.stage = stage;
	}

	/** The name in the {@code method} field. */
	public String wireName() {
		return wireName;
	}

	/** The place in the upload order (0 first); {@code -1} for a query, which has none. */
	public int stage() {
		return stage;
	}

	/** Whether the platform answers with a {@code requestSerialCode} to poll rather than at once. */
	public boolean asynchronous() {
		return stage >= 0;
	}

	/** The query that lists what a write of this method left on the platform, for a write whose answer was lost. */
	public Optional<NationalMethod> query() {
		return Optional.ofNullable(switch (this) {
			case PROJECT_ADD, PROJECT_UPDATE -> PROJECT_QUERY;
			case SUBCONTRACTOR_ADD, SUBCONTRACTOR_UPDATE -> SUBCONTRACTOR_QUERY;
			case TEAM_ADD, TEAM_UPDATE -> TEAM_QUERY;
			case WORKER_ADD, WORKER_UPDATE -> WORKER_QUERY;
			case ENTRY_EXIT_ADD -> ENTRY_EXIT_QUERY;
			case CONTRACT_ADD -> CONTRACT_QUERY;
			case ATTENDANCE_ADD -> ATTENDANCE_QUERY;
			default -> null;
		});
	}

	/**
	 * The serial code a platform answers a write of this method with, observed as
	 * {@code <object>-<action>-<yyyyMMddHH>-<n>-<seq>}, e.g. {@code projectworker-add-2019031414-1-2710}.
	 */
	public String serialCode(java.time.LocalDateTime beijingNow, long sequence) {
		String[] name = wireName.toLowerCase(java.util.Locale.ROOT).split("\\.");
		return name[0] + "-" + name[1] + "-" + beijingNow.format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHH"))
				+ "-1-" + sequence;
	}

	/** The method of a wire name, if SiteRoll speaks it. */
	public static Optional<NationalMethod> ofWireName(String name) {
		return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
	}
}
