package org.vividly.cli;

import picocli.CommandLine.Command;

@Command(name = "bench", description = "Benchmarks that print numbers.", subcommands = {BenchSignInCommand.class, BenchLoadCommand.class, BenchIngestCommand.class, BenchSearchCommand.class, BenchLessonsCommand.class, BenchHeapCommand.class, BenchSpeechCommand.class, BenchRenderCommand.class, BenchLecturesCommand.class, BenchTranscribeCommand.class})
class BenchCommand implements Runnable {

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
