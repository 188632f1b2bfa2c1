package org.vividly.cli;

import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import picocli.CommandLine.Option;

/** Options shared by the commands that start the server. */
class ServeOptions {

  @Option(names = "--port", description = "HTTP port (default: 8080)")
  Integer port;

  @Option(names = "--data", description = "Data folder (default: ./data)")
  String data;

  /**
   * The Spring properties given as {@code --name=value}, for example
   * {@code --spring.datasource.url=jdbc:postgresql://db/vividly}.
   *
   * @throws ParameterException for anything that is not one
   */
  static List<String> springProperties(List<String> properties, CommandSpec spec) {
    for (String p : properties) {
      if (!PROPERTY.matcher(p).matches()) throw new ParameterException(spec.commandLine(), "Unknown option: '" + p + "' (a Spring property is given as --name=value, for example --vividly.jobs.library-workers=2)");
    }
    return properties;
  }

  private static final Pattern PROPERTY = Pattern.compile("--[A-Za-z][A-Za-z0-9_.\\[\\]-]*=.*");
}
