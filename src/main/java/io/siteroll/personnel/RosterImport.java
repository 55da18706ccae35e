package io.siteroll.personnel;

import java.io.InputStream;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * 花名册导入: a team's workers from an .xlsx file. Every row is checked; if any row fails nothing is
 * imported and an .xlsx error report (masked) names the reason beside each bad row.
 */
public interface RosterImport {

	record RowError(int row, String name, String idNumberMasked, List<String> reasons) {
	}

	@Schema(name = "RosterImportResult")
	record Result(long importId, boolean imported, int rows, int newPersons, List<RowError> errors) {
	}

	byte[] template();

	Result importRoster(long projectId, long teamId, String fileName, InputStream xlsx);

	/** The error report of a rejected import, for the caller who may see its project. */
	byte[] errorReport(long importId);
}
