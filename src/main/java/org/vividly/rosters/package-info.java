/**
 * Rosters: schools, classes, teachers, students and enrollments imported from a student
 * information system's export, either OneRoster 1.1 CSV (1EdTech, "OneRoster v1.1 CSV Tables":
 * {@code orgs.csv}, {@code users.csv}, {@code classes.csv}, {@code enrollments.csv} and the optional
 * {@code demographics.csv}, in a ZIP) or a simple CSV of one person a row. An import is all or
 * nothing, and a dry run makes the same checks and counts without keeping anything; every error
 * names its file and line.
 */
package org.vividly.rosters;
