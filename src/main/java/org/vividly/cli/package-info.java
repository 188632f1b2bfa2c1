/**
 * The {@code vividly} command line. {@code serve} and {@code demo} start the server; every other
 * command is a client of its REST API, the way {@code ollama run} talks to {@code ollama serve}.
 */
package org.vividly.cli;
