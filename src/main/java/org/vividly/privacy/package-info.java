/**
 * Privacy: the organization's data rules, applied. A recurring job deletes students' questions,
 * lessons, chats and quiz answers older than the organization's {@code dataRetentionDays}; an admin
 * exports everything about one person (JSON and their media files in a ZIP) and erases it. Each of
 * these leaves a record in {@code privacy_audit}.
 *
 * <p>The modules that keep a person's records take part through {@link
 * org.vividly.privacy.PersonalData}, each deleting only its own tables; this module depends on
 * none of them.
 */
package org.vividly.privacy;
