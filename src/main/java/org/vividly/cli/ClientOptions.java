package org.vividly.cli;

import picocli.CommandLine.Option;

/** Where the server is. */
class ClientOptions {

  @Option(names = "--server", description = "Server URL (default: $VIVIDLY_URL or http://localhost:8080)")
  String server;

  ApiClient api() {
    return ApiClient.fromEnvironment(server);
  }
}
