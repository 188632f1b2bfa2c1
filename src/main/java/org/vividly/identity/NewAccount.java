package org.vividly.identity;

import java.util.List;
import java.util.UUID;
import org.vividly.tenancy.Role;

/**
 * What is needed to create an account.
 *
 * @param password null to invite the person instead (they choose one when they accept)
 */
public record NewAccount(String email, String displayName, Role role, UUID schoolId, Integer grade, String password, List<String> interests) {}
