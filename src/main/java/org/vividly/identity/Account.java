package org.vividly.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.Role;

/**
 * A person's account. Never carries the password hash.
 *
 * @param grade the student's grade (1-12, 13-16 college), or null
 * @param planCode their own plan where the organization allows individual upgrades, else null
 * @param interests what lessons should relate to (from their preferences)
 * @param birthDate the date of birth, or null when not known (then no parental consent is asked)
 * @param parentalConsentAt when a teacher or admin recorded a parent's consent, or null
 * @param activated whether they can sign in: they have a password, or a linked school account (an invited person has neither until they accept)
 */
public record Account(UUID id, OrganizationId organization, UUID schoolId, String email, String displayName, Role role, Integer grade, String planCode, List<String> interests, String preferredModality, boolean activated, Instant lastSignInAt, Instant createdAt, java.time.LocalDate birthDate, Instant parentalConsentAt) {}
