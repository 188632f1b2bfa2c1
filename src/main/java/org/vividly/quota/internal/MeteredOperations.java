package org.vividly.quota.internal;

import java.util.Arrays;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vividly.quota.Meter;
import org.vividly.quota.Metered;

/** Writes {@link Metered} into the OpenAPI document as the operation extension {@code x-vividly-quota}. */
@Configuration(proxyBeanMethods = false)
class MeteredOperations {

  @Bean
  OperationCustomizer meteredOperationExtension() {
    return (operation, handler) -> {
      Metered metered = handler.getMethodAnnotation(Metered.class);
      if (metered != null) operation.addExtension("x-vividly-quota", Arrays.stream(metered.value()).map(Meter::key).toList());
      return operation;
    };
  }
}
