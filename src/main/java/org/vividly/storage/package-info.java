/**
 * Storage: PostgreSQL is the one database. Without a configured {@code spring.datasource.url} the
 * application starts its own PostgreSQL from binaries packaged on Maven Central, with its data under
 * {@code vividly.storage.data-dir}; with one, that server is used. Liquibase owns the schema.
 */
package org.vividly.storage;
