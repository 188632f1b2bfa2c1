/**
 * The school consoles: the teacher's classes (rosters, join codes, each student's lessons, quota
 * and mastery) and the admin's organization page (settings, schools, people, classes, plans and
 * usage). These pages compose the APIs of tenancy, identity, quota, requests and quiz, so they sit
 * above those modules rather than inside one of them; every other page lives in the {@code web}
 * package of the module it serves.
 */
package org.vividly.console;
