package org.vividly.cli;

import picocli.CommandLine.Command;

@Command(name = "eval", description = "Measure retrieval quality on a BEIR dataset.", subcommands = {EvalRetrievalCommand.class})
class EvalCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
