using Google.Protobuf.Reflection;

namespace NetworkPlatform.Protos.Tests;

/// <summary>
/// Every method of the public API is also served as JSON over HTTP (Microsoft.AspNetCore.Grpc.JsonTranscoding reads
/// these google.api.http rules), on resource-style paths whose collection under /v1/networks/{network_id} names the
/// service that owns it (the gateway routes on it).
/// </summary>
public sealed class HttpRuleTests
{
    private static IEnumerable<(MethodDescriptor Method, HttpTemplate Template)> Mapped() =>
        PublicApi.Methods.Where(m => PublicApi.Rule(m) is not null).Select(m => (m, HttpTemplate.Of(PublicApi.Rule(m)!)));

    [Fact]
    public void every_method_of_every_networkplatform_package_has_an_http_rule()
    {
        var unmapped = PublicApi.Methods.Where(m => PublicApi.Rule(m) is null).Select(m => m.FullName).ToList();

        Assert.True(PublicApi.Methods.Count > 100, $"Only {PublicApi.Methods.Count} methods found: are the protos compiled into the assembly?");
        Assert.True(unmapped.Count == 0,
            "Add option (google.api.http) to these methods (see README, API conventions):\n  " + string.Join("\n  ", unmapped));
    }

    [Fact]
    public void no_two_methods_can_match_the_same_http_request()
    {
        var mapped = Mapped().ToList();

        var clashes = mapped.SelectMany((a, i) => mapped.Skip(i + 1).Where(b => a.Template.Overlaps(b.Template))
            .Select(b => $"{a.Method.FullName} ({a.Template}) and {b.Method.FullName} ({b.Template})")).ToList();

        Assert.True(clashes.Count == 0, "These methods map to the same verb and path:\n  " + string.Join("\n  ", clashes));
    }

    [Fact]
    public void the_overlap_check_sees_a_variable_segment_matching_a_literal()
    {
        var byId = HttpTemplate.Of(new Google.Api.HttpRule { Get = "/v1/networks/{network_id}/groups/{group_id}" });
        var literal = HttpTemplate.Of(new Google.Api.HttpRule { Get = "/v1/networks/{network_id}/groups/overview" });
        var custom = HttpTemplate.Of(new Google.Api.HttpRule { Get = "/v1/networks/{network_id}/groups/{group_id}:watch" });

        Assert.True(byId.Overlaps(literal));
        Assert.False(byId.Overlaps(custom));
        Assert.Equal("watch", custom.CustomVerb);
    }

    [Fact]
    public void path_variables_and_bodies_name_fields_of_the_request()
    {
        var problems = new List<string>();
        foreach (var (method, template) in Mapped())
        {
            var rule = PublicApi.Rule(method)!;
            foreach (var variable in template.Variables)
            {
                var field = Resolve(method.InputType, variable);
                if (field is null || field.IsRepeated || field.FieldType is FieldType.Message or FieldType.Group or FieldType.Bytes)
                {
                    problems.Add($"{method.FullName}: {{{variable}}} is not a singular scalar field of {method.InputType.Name}.");
                }
            }
            if (rule.Body.Length > 0 && rule.Body != "*")
            {
                var body = method.InputType.FindFieldByName(rule.Body);
                if (body is null || body.IsRepeated || body.FieldType != FieldType.Message)
                {
                    problems.Add($"{method.FullName}: body \"{rule.Body}\" is not a message field of {method.InputType.Name}.");
                }
            }
            if (rule.Body.Length > 0 && template.Method is "GET" or "DELETE")
            {
                problems.Add($"{method.FullName}: {template.Method} carries no body.");
            }
            if (rule.AdditionalBindings.Count > 0 || rule.ResponseBody.Length > 0)
            {
                problems.Add($"{method.FullName}: one binding, whole response (additional_bindings and response_body are not checked here).");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void every_path_is_a_resource_of_a_network_and_each_collection_belongs_to_one_service()
    {
        var mapped = Mapped().ToList();

        Assert.All(mapped, m => Assert.True(m.Template.Segments.Take(2).SequenceEqual(["v1", "networks"]),
            $"{m.Method.FullName}: {m.Template} is not under /v1/networks."));
        Assert.All(mapped.Where(m => m.Template.Segments.Count > 2), m => Assert.True(HttpTemplate.IsVariable(m.Template.Segments[2]),
            $"{m.Method.FullName}: {m.Template} has no network id after /v1/networks."));
        var shared = mapped.GroupBy(m => m.Template.NetworkCollection)
            .Where(g => g.Select(m => PublicApi.Area(m.Method)).Distinct().Count() > 1)
            .Select(g => $"/v1/networks/{{network_id}}/{g.Key}: {string.Join(", ", g.Select(m => m.Method.FullName))}")
            .ToList();
        Assert.True(shared.Count == 0, "A collection served by two services cannot be routed by the gateway:\n  " + string.Join("\n  ", shared));
    }

    private static FieldDescriptor? Resolve(MessageDescriptor message, string path)
    {
        var names = path.Split('.');
        FieldDescriptor? field = null;
        foreach (var name in names)
        {
            if (field is not null && (field.FieldType != FieldType.Message || field.IsRepeated))
            {
                return null;
            }
            field = (field?.MessageType ?? message).FindFieldByName(name);
            if (field is null)
            {
                return null;
            }
        }
        return field;
    }
}
