package io.siteroll.attendance;

import java.time.LocalDate;

import io.siteroll.platform.Page;

/** Fraud signals of the projects the caller may see. */
public interface FraudSignals {

	Page<FraudSignal> forProject(long projectId, FraudSignal.Kind kind, LocalDate from, LocalDate to, int page, int size);
}
