package org.vividly.tenancy;

import org.vividly.common.InvalidRequest;

/**
 * An organization's settings, stored as JSONB ({@code organization.settings}).
 *
 * @param libraries which libraries its people search besides its own
 * @param pricing its base plan and whether people may upgrade individually
 * @param compliance student-record rules
 * @param features which modalities its people may ask for
 */
public record OrganizationSettings(Libraries libraries, Pricing pricing, Compliance compliance, Features features) {

  /** @param sharedLibrary whether the shared open library is searched too */
  public record Libraries(boolean sharedLibrary) {}

  /**
   * @param basePlan the plan code every member gets (for example {@code district})
   * @param individualUpgrades whether a member may have a plan of their own instead
   */
  public record Pricing(String basePlan, boolean individualUpgrades) {}

  /**
   * @param studentRecordsProtected FERPA/COPPA handling of students' records
   * @param parentalConsentBelowAge age under which parental consent is required, 0 for none
   * @param dataRetentionDays how long requests and lessons are kept
   */
  public record Compliance(boolean studentRecordsProtected, int parentalConsentBelowAge, int dataRetentionDays) {}

  /** Which modalities may be asked for besides text. */
  public record Features(boolean audio, boolean video, boolean interestsPersonalization) {}

  public OrganizationSettings {
    if (libraries == null || pricing == null || compliance == null || features == null) {
      throw new InvalidRequest("Settings need libraries, pricing, compliance and features");
    }
    if (pricing.basePlan() == null || !pricing.basePlan().matches("[a-z0-9_-]{1,40}")) {
      throw new InvalidRequest("pricing.basePlan must be a plan code");
    }
    if (compliance.dataRetentionDays() < 1 || compliance.dataRetentionDays() > 3650) {
      throw new InvalidRequest("compliance.dataRetentionDays must be 1-3650");
    }
    if (compliance.parentalConsentBelowAge() < 0 || compliance.parentalConsentBelowAge() > 21) {
      throw new InvalidRequest("compliance.parentalConsentBelowAge must be 0-21");
    }
  }
}
