package org.vividly.common;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat refuses a path with an encoded slash ({@code %2F}) itself, with an HTML page of its own.
 * Passed through, it reaches Spring Security's firewall, which refuses it just the same (400) but
 * through the application's error handling, so the API answers Problem Details ({@link ErrorEndpoint}).
 */
@Configuration(proxyBeanMethods = false)
class EncodedSlashes {

  @Bean
  WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> encodedSlashesReachTheFirewall() {
    return factory -> factory.addConnectorCustomizers(connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
  }
}
