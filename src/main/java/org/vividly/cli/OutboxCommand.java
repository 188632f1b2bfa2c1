package org.vividly.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

@Command(
    name = "outbox",
    description = {
      "The organization's emails, newest first: recipient, subject, status and, for emails not delivered yet, their links.",
      "Without a mail server (spring.mail.host) emails wait here: pass each link on to its recipient. Admins only."
    })
class OutboxCommand implements Callable<Integer> {

  @Mixin ClientOptions client;

  @Option(names = "--status", paramLabel = "STATUS", description = "Only emails in this status: outbox, queued, sent or failed")
  String status;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most this many (1 to 500; default ${DEFAULT-VALUE})")
  int limit;

  @Option(names = "--retry", paramLabel = "ID", description = "Send this failed email again")
  String retry;

  @Override
  public Integer call() {
    ApiClient api = client.api();
    if (retry != null) {
      JsonNode message = api.post("/api/v1/outbox/{id}/retry".replace("{id}", java.net.URLEncoder.encode(retry, java.nio.charset.StandardCharsets.UTF_8)), java.util.Map.of(), JsonNode.class);
      System.out.printf("%s to %s is %s again.%n", message.path("subject").asString(), message.path("recipient").asString(), message.path("status").asString());
      return 0;
    }
    StringBuilder path = new StringBuilder("/api/v1/outbox?limit=").append(limit);
    if (status != null) path.append("&status=").append(java.net.URLEncoder.encode(status, java.nio.charset.StandardCharsets.UTF_8));
    JsonNode outbox = api.get(path.toString());
    if (!outbox.path("sendsMail").asBoolean()) System.out.println("No mail server is configured: emails wait here for you to pass their links on.");
    JsonNode messages = outbox.path("messages");
    if (messages.isEmpty()) {
      System.out.println("No emails" + (status == null ? "" : " with status " + status) + ".");
      return 0;
    }
    for (JsonNode m : messages) {
      System.out.printf("%s  %-7s %s  %s%n", m.path("createdAt").asString().replace('T', ' ').replaceAll("\\.\\d+", "").replaceAll("Z$", ""), m.path("status").asString(), m.path("recipient").asString(), m.path("subject").asString());
      if (m.hasNonNull("lastError")) System.out.printf("      last error (attempt %d): %s%n      id %s%n", m.path("attempts").asInt(), m.path("lastError").asString(), m.path("id").asString());
      for (JsonNode link : m.path("links")) System.out.println("      " + link.asString());
    }
    return 0;
  }
}
