/*
 * Copyright 2026 the camel-stora authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */
package io.camelstora.component;

import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * What users may rely on: the public types outside {@code internal} packages are exactly the agreed API, and the
 * component's packages depend on each other without cycles. A new public type fails here until it is added to the
 * list on purpose (or moved to an {@code internal} package).
 */
@AnalyzeClasses(packages = "io.camelstora.component", importOptions = ImportOption.DoNotIncludeTests.class)
class PublicApiTest {

    /** The agreed public API, and why each type is in it. */
    static final Set<String> PUBLIC_API = Set.of(
            // what routes and applications configure and call
            "io.camelstora.component.StoraComponent",
            "io.camelstora.component.StoraEndpoint",
            "io.camelstora.component.StoraConfiguration",
            // an account (base URL and credentials): the superclass of StoraConfiguration, and the bean type that applications
            // serving many operators register, one per operator, for the CamelStoraAccount header
            "io.camelstora.component.StoraAccount",
            "io.camelstora.component.StoraRequestOptions",
            // generated from the catalog: the path-parameter options (superclass of StoraRequestOptions) and headers (of
            // StoraConstants)
            "io.camelstora.component.StoraPathParameterOptions",
            "io.camelstora.component.StoraPathParameterHeaders",
            "io.camelstora.component.StoraConstants",
            "io.camelstora.component.StoraOutputType",
            // written by camel-component-maven-plugin; Camel and the Endpoint DSL load them
            "io.camelstora.component.StoraComponentConfigurer",
            "io.camelstora.component.StoraEndpointConfigurer",
            "io.camelstora.component.StoraEndpointUriFactory",
            "io.camelstora.component.dsl.StoraEndpointBuilderFactory",
            // option types of the consumers
            "io.camelstora.component.polling.StoraPollingOptions",
            "io.camelstora.component.polling.PollMode",
            "io.camelstora.component.polling.TimeFilter",
            "io.camelstora.component.webhook.StoraWebhookOptions",
            "io.camelstora.component.webhook.UnregisterMode",
            // where webhook events are kept in progress and done (eventStore option), and the shared table of it
            "io.camelstora.component.webhook.StoraWebhookEventStore",
            "io.camelstora.component.webhook.JdbcWebhookEventStore",
            // what routes catch
            "io.camelstora.component.http.StoraApiException",
            "io.camelstora.component.http.StoraRateLimitException",
            "io.camelstora.component.limits.RateLimitWaitException",
            // receiving webhooks without the consumer
            "io.camelstora.component.webhook.StoraWebhookVerifier",
            "io.camelstora.component.webhook.StoraWebhookSignatureException",
            // refresh tokens: where they are kept, and getting the first one
            "io.camelstora.component.auth.TokenStore",
            "io.camelstora.component.auth.FileTokenStore",
            "io.camelstora.component.auth.JdbcTokenStore",
            "io.camelstora.component.auth.StateRepositoryTokenStore",
            "io.camelstora.component.auth.OAuthTokens",
            "io.camelstora.component.auth.StoraAuthorization",
            // state shared by several nodes in a database table (cursors, secrets, tokens)
            "io.camelstora.component.state.JdbcStateRepository",
            // the rate limiter SPI (rateLimiter option), its two implementations, and what it sees
            "io.camelstora.component.limits.RequestLimiter",
            "io.camelstora.component.limits.RateLimits",
            "io.camelstora.component.limits.SlidingWindowRateLimiter",
            "io.camelstora.component.limits.Bucket4jRequestLimiter",
            "io.camelstora.component.http.StoraResponse",
            // what applications read about an account
            "io.camelstora.component.limits.StoraAccountStats",
            // the operation catalog, read by the docs, Kamelet and Kaoto generators
            "io.camelstora.component.catalog.StoraOperation",
            "io.camelstora.component.catalog.StoraResource",
            "io.camelstora.component.catalog.StoraEventType",
            "io.camelstora.component.catalog.PathParameter",
            "io.camelstora.component.catalog.ListCapabilities",
            "io.camelstora.component.catalog.StoraFormat",
            "io.camelstora.component.catalog.HttpMethod",
            "io.camelstora.component.catalog.ResponseShape",
            "io.camelstora.component.catalog.MetadataRules");

    @ArchTest
    static final ArchRule ONLY_THE_AGREED_TYPES_ARE_PUBLIC = classes().that().arePublic().and().areTopLevelClasses()
            .and().resideOutsideOfPackage("io.camelstora.component.internal..")
            .should(ArchCondition.from(describe("be in the agreed public API (PublicApiTest.PUBLIC_API)",
                    (JavaClass c) -> PUBLIC_API.contains(c.getName()))));

    /**
     * No package cycles among the component's packages. The root package (component, endpoint, producer) assembles
     * them all; the consumers, as in every Camel component, read their endpoint, so it is left out of the slices.
     */
    @ArchTest
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("io.camelstora.component.(**)").should().beFreeOfCycles();

    /** Only the consumers (and the request factory they share with the producer) read the root package back. */
    @ArchTest
    static final ArchRule ONLY_THE_CONSUMERS_READ_THE_ROOT_PACKAGE = noClasses()
            .that().resideOutsideOfPackages("io.camelstora.component", "io.camelstora.component.dsl",
                    "io.camelstora.component.internal.polling", "io.camelstora.component.internal.webhook",
                    "io.camelstora.component.internal.request")
            .should().dependOnClassesThat().resideInAPackage("io.camelstora.component");
}
