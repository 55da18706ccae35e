package io.siteroll.personnel;

import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.siteroll.platform.Violation;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * 花名册导入: a team's workers from an .xlsx file. Every row is checked; if any row fails nothing is
 * imported and an .xlsx error report (masked) names the reason beside each bad row.
 */
public interface RosterImport {

	/**
	 * One refused row: its number in the sheet, the reasons in Chinese (as the API has always answered) and the
	 * violations themselves, which a page renders field by field in Chinese and English (not part of the JSON).
	 */
	record RowError(int row, String name, String idNumberMasked, List<String> reasons,
			@JsonIgnore @Schema(hidden = true) List<Violation> violations) {
	}

	@Schema(name = "RosterImportResult")
	record Result(long importId, boolean imported, int rows, int newPersons, List<RowError> errors) {
	}

	byte[] template();

	Result importRoster(long projectId, long teamId, String fileName, InputStream xlsx);

	/** The error report of a rejected import, for the caller who may see its project. */
	byte[] errorReport(long importId);
}
