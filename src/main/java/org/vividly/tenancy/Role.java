package org.vividly.tenancy;

import java.util.Locale;
import org.vividly.common.InvalidRequest;

/** What a person may do. Roles are ordered from most to least powerful. */
public enum Role {
  /** Runs the installation: every organization. */
  SUPER_ADMIN,
  /** Runs one organization: its settings, schools, people, classes, plan and libraries. */
  ORG_ADMIN,
  /** Teaches classes: sees the students enrolled in them and their requests and lessons. */
  TEACHER,
  /** Asks questions: sees only their own requests and lessons. */
  STUDENT;

  /** Lower-case name used in the API and the database, for example {@code org_admin}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Spring Security authority, for example {@code ROLE_ORG_ADMIN}. */
  public String authority() {
    return "ROLE_" + name();
  }

  public boolean isAdmin() {
    return this == SUPER_ADMIN || this == ORG_ADMIN;
  }

  public static Role parse(String code) {
    if (code != null) {
      for (Role role : values()) {
        if (role.code().equalsIgnoreCase(code.trim())) return role;
      }
    }
    throw new InvalidRequest("Unknown role '" + code + "'; use one of super_admin, org_admin, teacher, student");
  }
}
