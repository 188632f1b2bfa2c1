package org.vividly.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Root command: lists the subcommands. */
@Command(
    name = "vividly",
    mixinStandardHelpOptions = true,
    version = "Vividly 0.1.0",
    description = "Grounded, personalized lessons from your own library.",
    subcommands = {
      ServeCommand.class,
      DemoCommand.class,
      LoginCommand.class,
      LogoutCommand.class,
      IngestCommand.class,
      AskCommand.class,
      QuizCommand.class,
      ChatCommand.class,
      SearchCommand.class,
      SourcesCommand.class,
      ReindexCommand.class,
      BudgetCommand.class,
      OutboxCommand.class,
      RosterCommand.class,
      EvalCommand.class,
      VideosCommand.class,
      BenchCommand.class,
      CommandLine.HelpCommand.class,
      picocli.AutoComplete.GenerateCompletion.class
    })
public final class VividlyCli implements Runnable {

  /** Exit code meaning "the server is running; do not exit". */
  public static final int KEEP_RUNNING = Integer.MIN_VALUE;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  /** The Spring Boot application that {@code serve} and {@code demo} start. */
  static Class<?> application;

  /** --help and --version on every command and subcommand, as on the root. */
  private static void helpEverywhere(CommandLine command) {
    for (CommandLine sub : command.getSubcommands().values()) {
      var spec = sub.getCommandSpec();
      if (!spec.mixinStandardHelpOptions() && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
        spec.mixinStandardHelpOptions(true);
        spec.version(command.getCommandSpec().version());
      }
      helpEverywhere(sub);
    }
  }

  public static int run(Class<?> applicationClass, String... args) {
    application = applicationClass;
    CommandLine cli = new CommandLine(new VividlyCli());
    helpEverywhere(cli);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine.getErr().println(commandLine.getColorScheme().errorText("error: " + (e.getMessage() == null ? e.toString() : e.getMessage())));
          return 1;
        });
    return cli.execute(args);
  }
}
