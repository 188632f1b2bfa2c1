package org.vividly.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", description = "Start the server with the demo library loaded.")
class DemoCommand implements Callable<Integer> {

  @Mixin ServeOptions options;

  @Override
  public Integer call() {
    ServeCommand serve = new ServeCommand();
    serve.options = options;
    serve.start(true);
    return VividlyCli.KEEP_RUNNING;
  }
}
