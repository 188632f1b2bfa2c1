/**
 * Collections: a person's shelves of videos and other sources (a course's lectures, a unit's
 * readings), with metadata (instructor, subject, semester, tags) and members who own, edit or view
 * them. Every person has a default "Uncategorized" collection where their videos land when they
 * name none. A conversation can be held over a collection.
 */
package org.vividly.collections;
