package org.vividly.tenancy;

import java.util.Locale;
import org.vividly.common.InvalidRequest;

/**
 * The kinds of organization Vividly serves, each with the settings profile a new organization of
 * that kind starts from.
 */
public enum OrganizationType {
  K12_DISTRICT("district", false, true, true, 13),
  SINGLE_SCHOOL("school", false, true, true, 13),
  UNIVERSITY("school", true, true, false, 0),
  TUTORING_CENTER("school", true, true, false, 0),
  HOMESCHOOL_GROUP("free", true, true, true, 0),
  PUBLIC_LIBRARY("free", true, true, false, 0),
  NONPROFIT("free", true, true, false, 0),
  COMPANY_TRAINING("school", false, false, false, 0);

  /** The organization's base plan for its people. */
  public final String basePlan;
  /** Whether people may upgrade to their own plan. */
  public final boolean individualUpgrades;
  /** Whether the shared open library (OpenStax and the demo documents) is searchable. */
  public final boolean sharedLibrary;
  /** Whether students' data falls under FERPA and COPPA rules (minors, school records). */
  public final boolean studentRecordsProtected;
  /** Age below which parental consent is needed (COPPA: 13), 0 when not applicable. */
  public final int parentalConsentBelowAge;

  OrganizationType(String basePlan, boolean individualUpgrades, boolean sharedLibrary, boolean studentRecordsProtected, int parentalConsentBelowAge) {
    this.basePlan = basePlan;
    this.individualUpgrades = individualUpgrades;
    this.sharedLibrary = sharedLibrary;
    this.studentRecordsProtected = studentRecordsProtected;
    this.parentalConsentBelowAge = parentalConsentBelowAge;
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public OrganizationSettings defaults() {
    return new OrganizationSettings(
        new OrganizationSettings.Libraries(sharedLibrary),
        new OrganizationSettings.Pricing(basePlan, individualUpgrades),
        new OrganizationSettings.Compliance(studentRecordsProtected, parentalConsentBelowAge, studentRecordsProtected ? 365 : 730),
        new OrganizationSettings.Features(true, true, this != COMPANY_TRAINING));
  }

  public static OrganizationType parse(String code) {
    if (code != null) {
      for (OrganizationType type : values()) {
        if (type.code().equalsIgnoreCase(code.trim())) return type;
      }
    }
    throw new InvalidRequest("Unknown organization type '" + code + "'; use one of k12_district, single_school, university, tutoring_center, homeschool_group, public_library, nonprofit, company_training");
  }
}
