package org.vividly.cli;

import java.io.Console;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(name = "login", description = "Sign in to a Vividly server; the CLI keeps the tokens (and refreshes them) for later commands.")
class LoginCommand implements Callable<Integer> {

  @Mixin ClientOptions client;

  @Option(names = "--email", required = true, description = "Your email")
  String email;

  @Option(names = "--password", description = "Your password (default: $VIVIDLY_PASSWORD, or asked for)")
  String password;

  @Override
  public Integer call() {
    String secret = password != null ? password : System.getenv("VIVIDLY_PASSWORD");
    if (secret == null) {
      Console console = System.console();
      if (console == null) {
        System.err.println("No password: pass --password, set VIVIDLY_PASSWORD, or run in a terminal.");
        return 2;
      }
      secret = new String(console.readPassword("Password for %s: ", email));
    }
    ApiClient api = client.api();
    JsonNode tokens = api.post("/api/v1/auth/token", Map.of("email", email, "password", secret), JsonNode.class);
    Credentials.save(api.baseUrl(), tokens, email);
    JsonNode me = api.get("/api/v1/me");
    System.out.println("Signed in to " + api.baseUrl() + " as " + me.path("displayName").asString() + " (" + me.path("role").asString().toLowerCase().replace('_', ' ') + ").");
    return 0;
  }
}
