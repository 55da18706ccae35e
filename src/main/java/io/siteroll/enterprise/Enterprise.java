package io.siteroll.enterprise;

/** An enterprise as shown to users. Enterprise registry data is public business information. */
public record Enterprise(long id, String creditCode, String name, String registrationRegion,
		String legalRepresentative, String address, String contactPerson, String contactPhone) {
}
