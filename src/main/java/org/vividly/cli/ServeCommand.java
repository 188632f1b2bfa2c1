package org.vividly.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "serve", description = "Start the Vividly server (web pages, REST API at /api/v1, OpenAPI at /swagger-ui).", footer = "%nAny --name=value is passed on as a Spring property, for example --spring.datasource.url=jdbc:postgresql://db/vividly or --vividly.jobs.library-workers=2 (README: Configuration).")
class ServeCommand implements Callable<Integer> {

  /** Anything else on the command line: Spring properties as {@code --name=value}. */
  @picocli.CommandLine.Unmatched List<String> properties = new ArrayList<>();

  @Mixin ServeOptions options = new ServeOptions();
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    start(false);
    return VividlyCli.KEEP_RUNNING;
  }

  ConfigurableApplicationContext start(boolean demo) {
    List<String> args = new ArrayList<>();
    if (options.port != null) args.add("--server.port=" + options.port);
    if (options.data != null) args.add("--vividly.storage.data-dir=" + options.data);
    args.addAll(ServeOptions.springProperties(properties, spec));
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
