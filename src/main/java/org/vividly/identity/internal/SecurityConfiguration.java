package org.vividly.identity.internal;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.function.SingletonSupplier;
import org.vividly.identity.Tokens;
import org.vividly.tenancy.Caller;
import org.vividly.tenancy.OrganizationId;
import org.vividly.tenancy.Role;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security rules in front of every endpoint. The API takes JWT bearer tokens (and, for pages
 * that play media, the session cookie); pages take the session cookie from the login form. Roles
 * are hierarchical: super admin &gt; org admin &gt; teacher &gt; student. Which rows a caller sees
 * inside their organization is decided by the modules themselves (see
 * {@link org.vividly.tenancy.Visibility}); these rules decide which endpoints a role may call.
 * Refusals on the API are RFC 7807 Problem Details: 401 with {@code WWW-Authenticate: Bearer}
 * (RFC 6750) when not signed in, 403 when the role is not enough. Every answer carries the
 * security headers below; HSTS only over HTTPS, which includes a TLS-terminating proxy that the
 * server trusts ({@code request.isSecure()}).
 */
@Configuration
@EnableConfigurationProperties({SecurityProperties.class, SchoolSignInProperties.class})
class SecurityConfiguration {

  /** Machine endpoints: refusals are Problem Details, never the login page. */
  private static final RequestMatcher API = request -> request.getRequestURI().startsWith("/api/") || request.getRequestURI().startsWith("/actuator/");
  /**
   * Everything a page loads comes from this server, and no script runs that is not a file of it: no
   * inline script, event-handler attribute, {@code eval} or inline style ({@code forms.js} replaces
   * the inline handlers; htmx is told not to inject its indicator style). {@code data:} images are
   * Pico's and Swagger UI's icons. Pages may not be framed, and forms post only here.
   */
  private static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self'; font-src 'self'; "
      + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
  /** Swagger UI's bundle applies an inline style, so its pages alone may; they too run no inline script. */
  private static final String SWAGGER_UI_POLICY = CONTENT_SECURITY_POLICY.replace("style-src 'self';", "style-src 'self' 'unsafe-inline';");
  private static final RequestMatcher SWAGGER_UI = request -> request.getRequestURI().startsWith("/swagger-ui/");
  /** No page needs these; a script that got in anyway cannot ask for them. */
  private static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()";

  private static final RequestMatcher BEARER = request -> {
    String header = request.getHeader("Authorization");
    return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
  };

  @Bean
  PasswordEncoder passwordEncoder(SecurityProperties properties) {
    return new BCryptPasswordEncoder(properties.bcryptStrength());
  }

  /** The key is read on first use, after Liquibase has made its table. */
  @Bean
  Supplier<SecretKey> jwtSigningKey(JdbcClient jdbc, SecurityProperties properties) {
    return SingletonSupplier.of(() -> SigningKey.load(jdbc, properties.jwtSecret()));
  }

  @Bean
  JwtEncoder jwtEncoder(Supplier<SecretKey> key) {
    SingletonSupplier<JwtEncoder> encoder = SingletonSupplier.of(() -> new NimbusJwtEncoder(new ImmutableSecret<>(key.get())));
    return parameters -> encoder.obtain().encode(parameters);
  }

  @Bean
  JwtDecoder jwtDecoder(Supplier<SecretKey> key) {
    SingletonSupplier<JwtDecoder> decoder = SingletonSupplier.of(() -> NimbusJwtDecoder.withSecretKey(key.get()).macAlgorithm(MacAlgorithm.HS256).build());
    return token -> decoder.obtain().decode(token);
  }

  @Bean
  RoleHierarchy roleHierarchy() {
    return RoleHierarchyImpl.withDefaultRolePrefix().role("SUPER_ADMIN").implies("ORG_ADMIN").role("ORG_ADMIN").implies("TEACHER").role("TEACHER").implies("STUDENT").build();
  }

  @Bean
  SecurityFilterChain securityFilterChain(HttpSecurity http, JwtDecoder decoder, Tokens tokens, SignInAuthenticationProvider signIn, JsonMapper json,
      @org.springframework.beans.factory.annotation.Value("${management.server.port:-1}") int managementPort,
      org.springframework.beans.factory.ObjectProvider<org.springframework.security.oauth2.client.registration.ClientRegistrationRepository> registrations,
      SchoolSignInProperties schoolSignIn, org.vividly.identity.SchoolSignIn schoolAccounts) throws Exception {
    // Sign-in with school accounts (OpenID Connect), when providers are configured.
    var clients = registrations.getIfAvailable();
    SchoolAccounts.check(schoolSignIn, clients);
    if (clients != null && !schoolSignIn.oidc().isEmpty()) {
      http.oauth2Login(login -> login
          .loginPage("/login")
          .userInfoEndpoint(userInfo -> userInfo.oidcUserService(SchoolAccounts.userService(schoolAccounts)))
          .successHandler(SchoolAccounts.successHandler())
          .failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error")));
    }
    // On a management port of its own (the monitoring network), Prometheus scrapes without signing in.
    RequestMatcher scrapeOnManagementPort = request -> managementPort > 0 && request.getLocalPort() == managementPort && "/actuator/prometheus".equals(request.getRequestURI());
    http.authorizeHttpRequests(rules -> rules
            .requestMatchers(scrapeOnManagementPort).permitAll()
            .requestMatchers("/login", "/signup", "/signup/**", "/invitations/**", "/password-reset", "/password-reset/**", "/webjars/**", "/vendor/**", "/*.css", "/*.js", "/favicon.ico", "/error").permitAll()
            .requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").permitAll()
            .requestMatchers("/api/v1/auth/token", "/api/v1/auth/refresh", "/api/v1/auth/password-reset", "/api/v1/auth/password-reset/confirm", "/api/v1/invitations/*", "/api/v1/invitations/*/accept", "/api/v1/billing/webhook", "/api/v1/signup", "/api/v1/signup/*/verify").permitAll()
            .requestMatchers("/actuator/**", "/api/v1/organizations", "/api/v1/organizations/**").hasRole("SUPER_ADMIN")
            .requestMatchers("/api/v1/benchmarks/**", "/api/v1/evaluations/**", "/api/v1/index/**", "/admin", "/admin/**").hasRole("ORG_ADMIN")
            .requestMatchers(HttpMethod.PUT, "/api/v1/organization", "/api/v1/organization/**").hasRole("ORG_ADMIN")
            .requestMatchers(HttpMethod.PATCH, "/api/v1/organization", "/api/v1/organization/**").hasRole("ORG_ADMIN")
            .requestMatchers("/api/v1/schools", "/api/v1/schools/**", "/api/v1/requests/usage").hasRole("ORG_ADMIN")
            .requestMatchers(HttpMethod.POST, "/api/v1/schools").hasRole("ORG_ADMIN")
            .requestMatchers(HttpMethod.POST, "/api/v1/users", "/api/v1/users/*/invitation").hasRole("ORG_ADMIN")
            .requestMatchers(HttpMethod.PUT, "/api/v1/users/**").hasRole("ORG_ADMIN")
            .requestMatchers(HttpMethod.PATCH, "/api/v1/users/*").hasRole("ORG_ADMIN")
            .requestMatchers(HttpMethod.DELETE, "/api/v1/users/*").hasRole("ORG_ADMIN")
            .requestMatchers(HttpMethod.POST, "/api/v1/classes/join").hasRole("STUDENT")
            .requestMatchers("/api/v1/users", "/api/v1/users/**", "/api/v1/classes", "/api/v1/classes/**", "/teach", "/teach/**").hasRole("TEACHER")
            .requestMatchers(HttpMethod.POST, "/api/v1/ingestions", "/sources/upload", "/api/v1/videos", "/api/v1/videos/**", "/videos", "/videos/**").hasRole("TEACHER")
            .requestMatchers(HttpMethod.PUT, "/api/v1/videos/**").hasRole("TEACHER")
            .requestMatchers(HttpMethod.DELETE, "/api/v1/videos", "/api/v1/videos/*").hasRole("TEACHER")
            .requestMatchers(HttpMethod.DELETE, "/api/v1/sources/*").hasRole("TEACHER")
            .requestMatchers("/api/v1/jobs", "/api/v1/jobs/**", "/jobs/**").hasRole("TEACHER")
            .anyRequest().authenticated())
        .authenticationProvider(signIn)
        // After signing in, a person returns to the page they were sent away from, never to a
        // fragment, stream or media file the page fetched meanwhile without a session.
        .requestCache(cache -> cache.requestCache(pageRequestCache()))
        .formLogin(form -> form.loginPage("/login").usernameParameter("email").defaultSuccessUrl("/", false).failureHandler(new SimpleUrlAuthenticationFailureHandler("/login?error")).permitAll())
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
        .oauth2ResourceServer(server -> server
            .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(source -> callerFrom(source, tokens)))
            .authenticationEntryPoint((request, response, e) -> problem(json, request, response, 401, "unauthorized", "Unauthorized", e.getMessage())))
        // Spring Security's defaults stay: X-Content-Type-Options nosniff, X-Frame-Options DENY, no-store caching.
        .headers(headers -> headers
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI, new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY)))
            .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(SWAGGER_UI), new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
            .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
            .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true)))
        .csrf(csrf -> csrf.ignoringRequestMatchers(BEARER, request -> request.getRequestURI().startsWith("/api/v1/auth/") || request.getRequestURI().startsWith("/api/v1/invitations/") || request.getRequestURI().equals("/api/v1/billing/webhook") || request.getRequestURI().startsWith("/api/v1/signup")))
        .exceptionHandling(errors -> errors
            .defaultAuthenticationEntryPointFor((request, response, e) -> problem(json, request, response, 401, "unauthorized", "Unauthorized", "Sign in first: send 'Authorization: Bearer <access token>' from POST /api/v1/auth/token"), API)
            .defaultAuthenticationEntryPointFor(SecurityConfiguration::signInAgain, SecurityConfiguration::htmx)
            .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
            .defaultAccessDeniedHandlerFor((request, response, e) -> problem(json, request, response, 403, "forbidden", "Forbidden", "Your role may not do this, or the request was not signed (CSRF)"), API));
    return http.build();
  }

  /**
   * Remembers only a browser's own navigation to a page as the place to return to after signing
   * in: a GET whose {@code Sec-Fetch-Mode} is {@code navigate} (Fetch Metadata, W3C), or, from a
   * client that sends no fetch metadata, a GET that accepts HTML and is no htmx or script request.
   * Spring Security's default remembers any GET but JSON, event streams and XHR with
   * X-Requested-With, so a progress fragment that htmx polled or a video range request made
   * after the session ended became the page a person landed on after signing in again.
   */
  static HttpSessionRequestCache pageRequestCache() {
    HttpSessionRequestCache cache = new HttpSessionRequestCache();
    cache.setRequestMatcher(SecurityConfiguration::pageNavigation);
    return cache;
  }

  static boolean pageNavigation(HttpServletRequest request) {
    if (!"GET".equals(request.getMethod()) || htmx(request) || "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) return false;
    String mode = request.getHeader("Sec-Fetch-Mode");
    if (mode != null) return mode.equals("navigate") && Objects.requireNonNullElse(request.getHeader("Sec-Fetch-Dest"), "document").equals("document");
    String accept = request.getHeader("Accept");
    return accept == null || accept.contains("text/html");
  }

  static boolean htmx(HttpServletRequest request) {
    return request.getHeader("HX-Request") != null;
  }

  /**
   * An htmx request without a session: 401 with {@code HX-Redirect}, so htmx opens the login page
   * as a whole page instead of swapping it into the fragment it asked for.
   */
  private static void signInAgain(HttpServletRequest request, HttpServletResponse response, org.springframework.security.core.AuthenticationException e) {
    response.setHeader("HX-Redirect", request.getContextPath() + "/login");
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
  }

  static AbstractAuthenticationToken callerFrom(Jwt jwt, Tokens tokens) {
    Caller caller;
    try {
      caller = new Caller(UUID.fromString(jwt.getSubject()), OrganizationId.of(jwt.getClaimAsString("org")), Role.parse(jwt.getClaimAsString("role")), jwt.getClaimAsString("email"), jwt.getClaimAsString("name"), UUID.fromString(jwt.getClaimAsString("sid")));
    } catch (RuntimeException e) {
      throw new InvalidBearerTokenException("The token does not name a person, organization, role and session");
    }
    if (!tokens.active(caller.session())) {
      throw new InvalidBearerTokenException("The token was revoked (signed out or password reset), or its account or organization no longer exists");
    }
    return new PreAuthenticatedAuthenticationToken(caller, jwt, authorities(caller));
  }

  static List<SimpleGrantedAuthority> authorities(Caller caller) {
    return List.of(new SimpleGrantedAuthority(caller.role().authority()));
  }

  private static void problem(JsonMapper json, HttpServletRequest request, HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
    if (status == 401) {
      response.setHeader("WWW-Authenticate", "Bearer realm=\"vividly\"" + (request.getHeader("Authorization") != null ? ", error=\"invalid_token\"" : ""));
    }
    org.vividly.common.Problems.write(request, response, org.vividly.common.Problems.of(org.springframework.http.HttpStatusCode.valueOf(status), type, title, detail), json);
  }

}
