package org.vividly;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableAsync;
import org.vividly.cli.VividlyCli;

/**
 * Entry point. Without arguments, or with {@code serve}/{@code demo}, it starts the server; every
 * other command is a thin client of the server's REST API (see {@link VividlyCli}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
public class VividlyApplication {

  public static void main(String[] args) {
    if (args.length == 0) {
      SpringApplication.run(VividlyApplication.class, args);
      return;
    }
    int code = VividlyCli.run(VividlyApplication.class, args);
    if (code != VividlyCli.KEEP_RUNNING) System.exit(code);
  }
}
