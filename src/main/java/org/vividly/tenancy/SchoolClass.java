package org.vividly.tenancy;

import java.util.List;
import java.util.UUID;

/**
 * A class: one teacher, enrolled students, a subject, a grade and the topics it covers.
 *
 * @param grade 1-12, 13-16 for college; {@code null} when mixed
 */
public record SchoolClass(UUID id, OrganizationId organization, UUID schoolId, String schoolName, UUID teacherId, String teacherName, String name, String subject, Integer grade, List<String> topics, int students) {}
