package io.siteroll.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.siteroll.demo.SyntheticIdentities;

/** Builds a roster (花名册) workbook of fresh synthetic workers in the platform's template. */
public final class RosterFile {

	private RosterFile() {
	}

	public static byte[] of(SyntheticIdentities ids, int rows, LocalDate contractStart, LocalDate entry) {
		List<String[]> workers = new ArrayList<>(rows);
		for (int r = 0; r < rows; r++) {
			workers.add(new String[] { ids.name(), "01", ids.idNumber(1970, 2000), "汉", ids.phone(), "吉林省长春市", "020", "1",
					contractStart.toString(), "", entry.toString(), ids.bankCard(), "102", "", "否" });
		}
		return Workbooks.roster(workers);
	}
}
