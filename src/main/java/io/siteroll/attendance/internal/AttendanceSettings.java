package io.siteroll.attendance.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tunables of pass ingestion and the fraud signals ({@code siteroll.attendance.*}).
 *
 * @param backlogDays passes up to this many days old are accepted (a gate's offline backlog)
 * @param clockTolerance how far in the future a device clock may be before a pass is rejected
 * @param photoMaxBytes largest JPEG snapshot accepted with a pass
 * @param photoRetention how long gate photos are kept (two years: the legal minimum)
 * @param photoDir where the encrypted photo files live (default: {@code <data-dir>/photos})
 * @param nearPhotoBits perceptual hashes this close (differing bits) count as the same photo
 * @param maxTravelKmh faster than this between two projects is an impossible journey
 */
@ConfigurationProperties("siteroll.attendance")
record AttendanceSettings(Integer backlogDays, Duration clockTolerance, Integer photoMaxBytes, Period photoRetention,
		Path photoDir, Integer nearPhotoBits, Integer maxTravelKmh) {

	AttendanceSettings {
		backlogDays = backlogDays == null ? 31 : backlogDays;
		clockTolerance = clockTolerance == null ? Duration.ofMinutes(5) : clockTolerance;
		photoMaxBytes = photoMaxBytes == null ? 128 * 1024 : photoMaxBytes;
		photoRetention = photoRetention == null ? Period.ofYears(2) : photoRetention;
		nearPhotoBits = nearPhotoBits == null ? 3 : nearPhotoBits;
		maxTravelKmh = maxTravelKmh == null ? 120 : maxTravelKmh;
	}
}
