using NetworkPlatform.Deploy.Tests.Support;
using NetworkPlatform.Testing;

namespace NetworkPlatform.Deploy.Tests.Gateway;

public sealed class EnvoyGatewayTests
{
    private const string Json = "application/json";

    /// <summary>The gRPC route of a service: its package prefix, any content type.</summary>
    private static Node ServiceRoute(string service) =>
        EnvoyConfig.Routes.SingleOrDefault(r => r.At("match.prefix").Text == $"/networkplatform.{service}.v1." && !r.At("match.headers").Exists)
        ?? throw new Xunit.Sdk.XunitException($"{EnvoyConfig.RelativePath} has no route on /networkplatform.{service}.v1.");

    /// <summary>Every route to one of the service's clusters: gRPC, gRPC-Web and JSON.</summary>
    private static IReadOnlyList<Node> RoutesTo(PlatformService service) =>
        EnvoyConfig.Routes.Where(r => r.At("route.cluster").Text is { } cluster && (cluster == service.GrpcCluster || cluster == service.HttpCluster)).ToList();

    [Fact]
    public void the_admin_interface_listens_on_localhost_only()
    {
        Assert.Equal("127.0.0.1", EnvoyConfig.Root.At("admin.address.socket_address.address").Text);
    }

    [Fact]
    public void every_typed_config_names_a_v3_envoy_type()
    {
        var types = EnvoyConfig.Root.Descendants().Where(n => n["typed_config"].Exists).Select(n => n["typed_config"]["@type"].Text).ToList();

        Assert.NotEmpty(types);
        Assert.All(types, t => Assert.Matches(@"^type\.googleapis\.com/envoy\.[a-z_.0-9]+\.v3\.[A-Za-z]+$", t));
    }

    [Theory]
    [MemberData(nameof(Conventions.ServiceNames), MemberType = typeof(Conventions))]
    public void each_service_is_routed_on_its_package_prefix_over_http2_to_its_headless_service(string service)
    {
        var route = ServiceRoute(service)["route"];
        Assert.Equal(service, route["cluster"].Text);

        var cluster = EnvoyConfig.Cluster(service);
        var protocol = cluster["typed_extension_protocol_options"]["envoy.extensions.upstreams.http.v3.HttpProtocolOptions"];
        var http2 = protocol.At("explicit_http_config.http2_protocol_options");
        Assert.True(http2.Exists, $"cluster {service}: no explicit HTTP/2.");
        var address = cluster.At("load_assignment.endpoints").Items.Single()["lb_endpoints"].Items.Single().At("endpoint.address.socket_address");
        Assert.Equal($"{service}-headless.{Conventions.Namespace}.svc.cluster.local", address["address"].Text);
        Assert.Equal(Conventions.GrpcPort, address["port_value"].Int);
        Assert.True(cluster.At("health_checks").Items.Single()["grpc_health_check"].Exists, $"cluster {service}: no gRPC health check.");
    }

    [Theory]
    [MemberData(nameof(Conventions.ServiceNames), MemberType = typeof(Conventions))]
    public void each_service_route_has_a_timeout_retries_on_unavailable_and_its_own_rate_limit(string service)
    {
        var route = ServiceRoute(service);

        Assert.True(route.At("route.timeout").Exists, $"{service}: no timeout.");
        Assert.Contains("unavailable", route.At("route.retry_policy.retry_on").Text!.Split(','));
        Assert.True(route.At("route.retry_policy.num_retries").Int > 0);
        var limit = route["typed_per_filter_config"]["envoy.filters.http.local_ratelimit"];
        Assert.Equal("type.googleapis.com/envoy.extensions.filters.http.local_ratelimit.v3.LocalRateLimit", limit["@type"].Text);
        Assert.True(limit.At("token_bucket.max_tokens").Int > 0);
        Assert.Equal(100, limit.At("filter_enforced.default_value.numerator").Int);
    }

    [Theory]
    [MemberData(nameof(Conventions.ServiceNames), MemberType = typeof(Conventions))]
    public void the_json_and_grpc_web_routes_of_a_service_have_its_rate_limit_a_timeout_and_retry_only_unsent_requests(string service)
    {
        var expected = Conventions.Service(service);
        var limit = ServiceRoute(service).At("typed_per_filter_config.envoy.filters.http.local_ratelimit");
        var http = RoutesTo(expected).Where(r => r.At("route.cluster").Text == expected.HttpCluster && r.At("match.prefix").Text != "/").ToList();

        Assert.Equal(2, http.Count); // gRPC-Web and JSON
        foreach (var route in http)
        {
            var routeLimit = route.At("typed_per_filter_config.envoy.filters.http.local_ratelimit");
            Assert.Equal(limit["stat_prefix"].Text, routeLimit["stat_prefix"].Text);
            Assert.Equal(limit.At("token_bucket.max_tokens").Int, routeLimit.At("token_bucket.max_tokens").Int);
            Assert.True(route.At("route.timeout").Exists, $"{service}: no timeout on {route.Path}.");
            // JSON POSTs are not idempotent: retry only what never reached the service.
            Assert.Equal(["connect-failure", "refused-stream"], route.At("route.retry_policy.retry_on").Text!.Split(',').Order().ToArray());
        }
    }

    [Fact]
    public void every_grpc_service_in_protos_has_a_route()
    {
        var routed = EnvoyConfig.Routes.Select(r => r.At("match.prefix").Text).OfType<string>().ToList();

        var unrouted = Protos.Services().Where(s => !routed.Any(prefix => $"/{s.FullName}/".StartsWith(prefix, StringComparison.Ordinal)));
        Assert.Empty(unrouted.Select(s => s.FullName));
    }

    [Fact]
    public void every_http_rule_in_protos_is_routed_to_the_http_port_of_the_service_that_owns_it()
    {
        var bindings = Protos.HttpBindings();

        var misrouted = bindings
            .Select(b => (Binding: b, Cluster: EnvoyConfig.RouteFor(b.SamplePath + "?page_size=5", Json)?.At("route.cluster").Text))
            .Where(r => r.Cluster != Conventions.Service(r.Binding.Area).HttpCluster)
            .Select(r => $"{r.Binding.Verb} {r.Binding.Template} ({r.Binding.Method}) goes to {r.Cluster ?? "no cluster"}")
            .ToList();

        Assert.True(bindings.Count > 100, $"Only {bindings.Count} HTTP rules found in the protos.");
        Assert.True(misrouted.Count == 0, "Route these paths to their service's HTTP cluster:\n  " + string.Join("\n  ", misrouted));
    }

    [Theory]
    [InlineData("/v1/networks/norsk-hph/unknownThings")]
    [InlineData("/v1/networks/norsk-hph/groupsOfMine/1")]
    [InlineData("/v1/networks/norsk-hph/measure")]
    [InlineData("/v1/elsewhere")]
    public void a_v1_path_that_no_service_owns_is_answered_404_by_the_gateway(string path)
    {
        var route = EnvoyConfig.RouteFor(path, Json);

        Assert.Equal(404, route?.At("direct_response.status").Int);
    }

    [Fact]
    public void grpc_goes_to_each_services_h2c_port_and_grpc_web_to_its_http_port()
    {
        foreach (var proto in Protos.Services())
        {
            var service = Conventions.Services.Single(s => s.ProtoPackage == proto.Package);
            var path = $"/{proto.FullName}/AnyMethod";

            Assert.Equal(service.GrpcCluster, EnvoyConfig.RouteFor(path, "application/grpc")?.At("route.cluster").Text);
            Assert.Equal(service.GrpcCluster, EnvoyConfig.RouteFor(path, "application/grpc+proto")?.At("route.cluster").Text);
            Assert.Equal(service.HttpCluster, EnvoyConfig.RouteFor(path, "application/grpc-web+proto")?.At("route.cluster").Text);
            Assert.Equal(service.HttpCluster, EnvoyConfig.RouteFor(path, "application/grpc-web-text")?.At("route.cluster").Text);
        }
        Assert.Equal("reporting-http", EnvoyConfig.RouteFor("/dashboard/index.html", "text/html")?.At("route.cluster").Text);
    }

    [Fact]
    public void the_filter_chain_runs_cors_jwt_and_rate_limits_before_the_router_and_transcodes_nothing()
    {
        var names = EnvoyConfig.HttpFilters.Select(f => f["name"].Text).ToList();

        Assert.Equal("envoy.filters.http.router", names[^1]);
        foreach (var filter in new[] { "envoy.filters.http.cors", "envoy.filters.http.jwt_authn", "envoy.filters.http.local_ratelimit",
                     "envoy.filters.http.health_check" })
        {
            Assert.Contains(filter, names);
        }
        // The services serve JSON and gRPC-Web: a transcoding filter here would turn their requests into gRPC before routing.
        Assert.DoesNotContain("envoy.filters.http.grpc_json_transcoder", names);
        Assert.DoesNotContain("envoy.filters.http.grpc_web", names);
        // Browsers' preflight requests carry no token: CORS answers them before JWT authentication.
        Assert.True(names.IndexOf("envoy.filters.http.cors") < names.IndexOf("envoy.filters.http.jwt_authn"));
        Assert.True(EnvoyConfig.ConnectionManager["access_log"].Items.Count > 0, "No access log.");
        var cors = EnvoyConfig.ConnectionManager.At("route_config.virtual_hosts").Items.Single()["typed_per_filter_config"]["envoy.filters.http.cors"];
        Assert.Contains("grpc-status", cors["expose_headers"].Text);
        Assert.All(new[] { "GET", "POST", "PUT", "PATCH", "DELETE" }, m => Assert.Contains(m, cors["allow_methods"].Text!.Split(", ")));
    }

    [Theory]
    [MemberData(nameof(Conventions.OverlayNames), MemberType = typeof(Conventions))]
    public void jwt_authentication_accepts_the_issuer_the_services_are_configured_with(string overlay)
    {
        var jwt = EnvoyConfig.Filter("envoy.filters.http.jwt_authn");
        var config = Kustomize.Render(overlay).Get("ConfigMap", "platform-config")["data"];
        var providers = jwt["providers"].Entries;

        var (name, provider) = providers.Single(p => p.Value["issuer"].Text == config["Auth__Authority"].Text);
        Assert.Contains(config["Auth__Audience"].Text, provider["audiences"].Texts);
        EnvoyConfig.Cluster(provider.At("remote_jwks.http_uri.cluster").Text!);
        foreach (var prefix in new[] { "/networkplatform.", "/v1/" })
        {
            var rule = jwt["rules"].Items.Single(r => r.At("match.prefix").Text == prefix);
            var accepted = rule.At("requires.requires_any.requirements").Items.Select(r => r["provider_name"].Text);
            Assert.True(accepted.Contains(name), $"{overlay}: calls to {prefix}* do not accept the tokens of {provider["issuer"].Text}.");
        }
    }

    [Fact]
    public void the_embedded_issuers_keys_are_fetched_from_its_service_in_the_dev_overlay()
    {
        var provider = EnvoyConfig.Filter("envoy.filters.http.jwt_authn")["providers"].Entries["embedded-issuer"];
        var identity = Kustomize.Render("overlays/dev").Get("Service", "identity");
        var jwks = new Uri(provider.At("remote_jwks.http_uri.uri").Text!);

        Assert.Equal($"identity.{Conventions.Namespace}.svc.cluster.local", jwks.Host);
        Assert.Equal(identity.At("spec.ports").Items.Single()["port"].Int, jwks.Port);
        Assert.Equal("/.well-known/jwks", jwks.AbsolutePath);
        var endpoint = EnvoyConfig.Cluster(provider.At("remote_jwks.http_uri.cluster").Text!)
            .At("load_assignment.endpoints").Items.Single()["lb_endpoints"].Items.Single().At("endpoint.address.socket_address");
        Assert.Equal((jwks.Host, jwks.Port), (endpoint["address"].Text, endpoint["port_value"].Int));
    }

    [Theory]
    [MemberData(nameof(Conventions.ServiceNames), MemberType = typeof(Conventions))]
    public void health_and_reflection_reach_each_service_chosen_by_header(string service)
    {
        var byHeader = EnvoyConfig.Routes.Where(r => r.At("match.headers").Items.Any(h => h.At("string_match.exact").Text == service)).ToList();

        Assert.Contains(byHeader, r => r.At("match.prefix").Text == "/grpc.health.v1.Health/" && r.At("route.cluster").Text == service);
        Assert.Contains(byHeader, r => r.At("match.safe_regex.regex").Text?.Contains("reflection", StringComparison.Ordinal) == true && r.At("route.cluster").Text == service);
    }

    [Fact]
    public void every_route_targets_a_defined_cluster()
    {
        var clusters = EnvoyConfig.Clusters.Select(c => c["name"].Text).ToHashSet();
        var targets = EnvoyConfig.Routes.Select(r => r.At("route.cluster").Text).OfType<string>().ToList();

        Assert.NotEmpty(targets);
        Assert.All(targets, t => Assert.Contains(t, clusters));
        foreach (var service in Conventions.Services)
        {
            var cluster = EnvoyConfig.Cluster(service.HttpCluster);
            var address = cluster.At("load_assignment.endpoints").Items.Single()["lb_endpoints"].Items.Single().At("endpoint.address.socket_address");
            Assert.Equal($"{service.Headless}.{Conventions.Namespace}.svc.cluster.local", address["address"].Text);
            Assert.Equal(Conventions.HttpPort, address["port_value"].Int);
            Assert.False(cluster["typed_extension_protocol_options"].Exists, $"{service.HttpCluster}: the HTTP port speaks HTTP/1.1.");
        }
    }

    [Fact]
    public void the_gateway_deployment_mounts_this_config_and_listens_where_its_service_points()
    {
        var rendered = Kustomize.Render("base");
        var pod = rendered.Get("Deployment", "gateway").At("spec.template.spec");
        var container = pod["containers"].Items.Single();
        var configVolume = pod["volumes"].Items.Single(v => v["configMap"].Exists);
        var mount = container["volumeMounts"].Items.Single(m => m["name"].Text == configVolume["name"].Text)["mountPath"].Text;
        var configMap = rendered.Get("ConfigMap", configVolume.At("configMap.name").Text!);

        Assert.Equal(File.ReadAllText(RepositoryPaths.Combine(EnvoyConfig.RelativePath)), configMap["data"]["envoy.yaml"].Text);
        Assert.Contains($"{mount}/envoy.yaml", container["args"].Texts);
        var listenerPort = EnvoyConfig.Root.At("static_resources.listeners").Items.Single().At("address.socket_address.port_value").Int;
        Assert.Equal(listenerPort, container["ports"].Items.Single()["containerPort"].Int);
        Assert.Equal("http", rendered.Get("Service", "gateway").At("spec.ports").Items.Single()["targetPort"].Text);
        Assert.True(container.At("securityContext.readOnlyRootFilesystem").IsTrue);
        Assert.Equal(["ALL"], container.At("securityContext.capabilities.drop").Texts);
    }

    [Fact]
    public void the_config_matches_envoys_v3_api()
    {
        var result = EnvoySchema.Validate(RepositoryPaths.Combine(EnvoyConfig.RelativePath));

        Assert.True(result.ExitCode == 0, $"{EnvoyConfig.RelativePath} does not match Envoy's API:\n{result.Combined}");
    }

    [Fact]
    public void the_envoy_api_check_rejects_unknown_fields_and_deprecated_ones()
    {
        var work = RepositoryPaths.Combine("artifacts", "deploy-tests");
        Directory.CreateDirectory(work);
        var config = File.ReadAllText(RepositoryPaths.Combine(EnvoyConfig.RelativePath));
        var misspelt = Path.Combine(work, "envoy-misspelt.yaml");
        File.WriteAllText(misspelt, config.Replace("retry_on:", "retry_onn:", StringComparison.Ordinal));
        var deprecated = Path.Combine(work, "envoy-deprecated.yaml");
        File.WriteAllText(deprecated, config.Replace("      connect_timeout: 1s\n", "      connect_timeout: 1s\n      http2_protocol_options: {}\n", StringComparison.Ordinal));

        var misspeltResult = EnvoySchema.Validate(misspelt);
        var deprecatedResult = EnvoySchema.Validate(deprecated);

        Assert.NotEqual(0, misspeltResult.ExitCode);
        Assert.Contains("retry_onn", misspeltResult.Output);
        Assert.NotEqual(0, deprecatedResult.ExitCode);
        Assert.Contains("http2_protocol_options: deprecated", deprecatedResult.Output);
    }

    [EnvoyFact]
    public void envoy_accepts_the_config_in_validate_mode()
    {
        var result = Processes.Run(Processes.OnPath("envoy")!, ["--mode", "validate", "-c", RepositoryPaths.Combine(EnvoyConfig.RelativePath)],
            TimeSpan.FromMinutes(1));

        Assert.True(result.ExitCode == 0, result.Combined);
    }
}

/// <summary>A fact that runs only where an envoy binary is on PATH (it is not packaged for Debian).</summary>
public sealed class EnvoyFactAttribute : FactAttribute
{
    public EnvoyFactAttribute()
    {
        if (Processes.OnPath("envoy") is null)
        {
            Skip = "envoy is not on PATH (no Debian package): the static checks above cover the config.";
        }
    }
}
