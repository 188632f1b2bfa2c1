package org.vividly.cli;

import picocli.CommandLine.Option;

/** Options shared by the commands that start the server. */
class ServeOptions {

  @Option(names = "--port", description = "HTTP port (default: 8080)")
  Integer port;

  @Option(names = "--data", description = "Data folder (default: ./data)")
  String data;
}
