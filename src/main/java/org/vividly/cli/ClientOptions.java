package org.vividly.cli;

import picocli.CommandLine.Option;

/** Where the server is. */
class ClientOptions {

  @Option(names = "--server", description = "Server URL (default: $VIVIDLY_URL or http://localhost:8080)")
  String server;

  @Option(names = "--org", description = "Organization to act for, by slug: super admins only (default: $VIVIDLY_ORG, else your own)")
  String organization;

  ApiClient api() {
    return ApiClient.fromEnvironment(server, organization != null ? organization : System.getenv("VIVIDLY_ORG"));
  }
}
