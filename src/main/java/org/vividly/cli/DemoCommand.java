package org.vividly.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", description = "Start the server with the demo library loaded.", footer = "%nAny --name=value is passed on as a Spring property, for example --spring.datasource.url=jdbc:postgresql://db/vividly or --vividly.jobs.library-workers=2 (README: Configuration).")
class DemoCommand implements Callable<Integer> {

  /** Anything else on the command line: Spring properties as {@code --name=value}. */
  @picocli.CommandLine.Unmatched List<String> properties = new ArrayList<>();

  @Mixin ServeOptions options;
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    ServeCommand serve = new ServeCommand();
    serve.options = options;
    serve.spec = spec;
    serve.properties = properties;
    serve.start(true);
    return VividlyCli.KEEP_RUNNING;
  }
}
