package io.siteroll.personnel;

import java.time.LocalDate;

/** A person as shown on screens: the ID number is masked. Sex uses the platform code (0 男, 1 女). */
public record Person(long id, String idType, String idNumberMasked, String name, String sex, LocalDate birthDate,
		String ethnicity, String address, String phone, boolean hasFace) {
}
