package org.vividly.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "logout", description = "Sign out: the server revokes the tokens and the CLI forgets them.")
class LogoutCommand implements Callable<Integer> {

  @Mixin ClientOptions client;

  @Override
  public Integer call() {
    ApiClient api = client.api();
    if (api.accessToken().isPresent()) api.post("/api/v1/auth/logout", null, String.class);
    Credentials.forget(api.baseUrl());
    System.out.println("Signed out of " + api.baseUrl() + ".");
    return 0;
  }
}
