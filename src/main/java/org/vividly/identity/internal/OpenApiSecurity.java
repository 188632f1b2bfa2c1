package org.vividly.identity.internal;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/**
 * Tells the OpenAPI document (and Swagger UI's "Authorize" button) that the API takes a JWT bearer
 * token from {@code POST /api/v1/auth/token}; the sign-in endpoints themselves need none.
 */
@Configuration
@OpenAPIDefinition(info = @Info(title = "Vividly API", version = "v1", description = "Grounded, cited lessons for schools. Sign in with POST /api/v1/auth/token, then send Authorization: Bearer <access_token>."), security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class OpenApiSecurity {}
