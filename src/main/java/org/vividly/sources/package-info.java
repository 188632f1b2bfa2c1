/**
 * Sources: the knowledge base. Parses documents (OpenStax CNXML collections, PDF, EPUB, HTML,
 * Markdown, plain text) into sections, chunks them along their structure, embeds and indexes the
 * chunks, and keeps sections, chunks and vectors in PostgreSQL so the index can be rebuilt.
 */
package org.vividly.sources;
