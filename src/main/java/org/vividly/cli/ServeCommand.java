package org.vividly.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "serve", description = "Start the Vividly server (web pages, REST API at /api/v1, OpenAPI at /swagger-ui).")
class ServeCommand implements Callable<Integer> {

  @Mixin ServeOptions options = new ServeOptions();

  @Override
  public Integer call() {
    start(false);
    return VividlyCli.KEEP_RUNNING;
  }

  ConfigurableApplicationContext start(boolean demo) {
    List<String> args = new ArrayList<>();
    if (options.port != null) args.add("--server.port=" + options.port);
    if (options.data != null) args.add("--vividly.storage.data-dir=" + options.data);
    if (demo) {
      args.add("--vividly.demo.enabled=true");
      args.add("--vividly.security.admin-password=" + org.vividly.demo.DemoDistrict.PASSWORD);
    }
    ConfigurableApplicationContext context = SpringApplication.run(VividlyCli.application, args.toArray(String[]::new));
    String url = "http://localhost:" + context.getEnvironment().getProperty("local.server.port", "8080");
    System.out.println();
    System.out.println("Vividly is running at " + url + "  (API docs: " + url + "/swagger-ui)");
    if (demo) {
      System.out.println("Demo: Davidson County Metro Schools. Sign in with password " + org.vividly.demo.DemoDistrict.PASSWORD + " as:");
      org.vividly.demo.DemoDistrict.SIGN_INS.forEach((role, email) -> System.out.printf("  %-13s %s%n", role, email));
      System.out.println("Ingest a real book with: ./vividly login --email " + org.vividly.demo.DemoDistrict.SIGN_INS.get("teacher") + " && ./vividly ingest ../shared/data/openstax/physics-hs");
    }
    System.out.println("Press Ctrl+C to stop.");
    return context;
  }
}
