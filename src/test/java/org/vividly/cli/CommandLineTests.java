package org.vividly.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vividly.VividlyApplication;
import picocli.CommandLine;

class CommandLineTests {

  @Test
  void everyCommandAndSubcommandAnswersHelp() {
    List<List<String>> paths = new ArrayList<>();
    collect(new CommandLine(new VividlyCli()), new ArrayList<>(), paths);
    assertThat(paths).as("commands found").hasSizeGreaterThan(25);
    for (List<String> path : paths) {
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      assertThat(VividlyCli.run(VividlyApplication.class, args.toArray(String[]::new))).as("vividly " + String.join(" ", args)).isZero();
    }
  }

  private static void collect(CommandLine command, List<String> path, List<List<String>> out) {
    command.getSubcommands().forEach((name, sub) -> {
      if (sub.getCommand() instanceof CommandLine.HelpCommand) return;
      List<String> here = new ArrayList<>(path);
      here.add(name);
      out.add(here);
      collect(sub, here, out);
    });
  }

  @Test
  void springPropertiesPassThroughAndAnythingElseIsRefused() {
    var spec = new CommandLine(new ServeCommand()).getCommandSpec();
    assertThat(ServeOptions.springProperties(List.of("--spring.datasource.url=jdbc:postgresql://db/vividly", "--vividly.jobs.library-workers=2"), spec)).hasSize(2);
    assertThatThrownBy(() -> ServeOptions.springProperties(List.of("--bogus"), spec)).isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--name=value");
    assertThatThrownBy(() -> ServeOptions.springProperties(List.of("stray"), spec)).isInstanceOf(CommandLine.ParameterException.class);
  }
}
