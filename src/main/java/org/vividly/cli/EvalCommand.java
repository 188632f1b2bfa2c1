package org.vividly.cli;

import picocli.CommandLine.Command;

@Command(name = "eval", description = "Measure retrieval quality on a BEIR dataset, or lesson quality on labelled question sets.", subcommands = {EvalRetrievalCommand.class, EvalLessonsCommand.class})
class EvalCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
