using System.Text;
using AuditAggregator.ContractTests.Stubs;

namespace AuditAggregator.ContractTests.OpenApi;

/// <summary>
/// Assertions of conformance to a vendor document: response bodies against the declared schemas, and recorded
/// requests against the declared operations and parameters.
/// </summary>
internal static class ContractAssert
{
    /// <summary>
    /// Asserts that <paramref name="body"/>, answered with <paramref name="status"/> to <paramref name="method"/>
    /// <paramref name="path"/>, validates against the schema the document declares, or against the schema of the
    /// named <paramref name="deviation"/> where the document is known to be wrong.
    /// </summary>
    public static async Task BodyConformsAsync(
        OpenApiContract contract, string method, string path, int status, string body, KnownDeviation? deviation = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(body);
        var operation = contract.Get(method, path);
        var where = $"{operation} {status}";
        NJsonSchema.JsonSchema schema;
        if (deviation?.ResponseSchema is { } replacement)
        {
            schema = await contract.SchemaAsync(deviation.Id, replacement);
        }
        else
        {
            var declared = contract.ResponseSchemaAsync(operation, status);
            Assert.True(
                declared is not null,
                $"{contract.Name} declares no JSON body for {where}; a stub that serves one must name the known deviation it relies on.");
            schema = await declared;
        }

        var errors = schema.Validate(body);
        Assert.True(errors.Count == 0, $"The body of {where}{(deviation is null ? "" : $" (deviation {deviation.Id})")} does not validate against {contract.Name}:\n{Describe(errors)}");
    }

    /// <summary>
    /// Asserts that every DocSpace request carries exactly one credential where the server reads it: an
    /// <c>Authorization</c> header (Bearer or Basic) or the <c>asc_auth_key</c> cookie, and never the spec's
    /// <c>ApiKeyBearer</c> header (named deviation <c>DocSpace.ApiKeyBearerHeaderIgnored</c>).
    /// </summary>
    public static void DocSpaceCredentialWhereTheServerReadsIt(IEnumerable<JournalEntry> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        foreach (var request in requests)
        {
            Assert.False(request.Headers.ContainsKey("ApiKeyBearer"), $"{request}: {KnownDeviations.DocSpaceApiKeyBearerHeader.Summary}");
            var authorization = request.Header("Authorization");
            var cookie = request.Cookies.GetValueOrDefault("asc_auth_key");
            Assert.True(
                (authorization is not null) ^ (cookie is not null),
                $"{request}: expected exactly one of the Authorization header and the asc_auth_key cookie.");
            if (authorization is not null)
            {
                Assert.Matches("^(Bearer|Basic) [^ ]+$", authorization);
            }
        }
    }

    /// <summary>Gets the validation errors of <paramref name="body"/> against a declared component schema.</summary>
    public static async Task<ICollection<NJsonSchema.Validation.ValidationError>> ComponentErrorsAsync(OpenApiContract contract, string component, string body)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var schema = await contract.ComponentSchemaAsync(component);
        return schema.Validate(body);
    }

    /// <summary>
    /// Asserts that every recorded request targets an operation of the document, sends only declared query
    /// parameters, each once, with the declared type and format, and carries every required header parameter.
    /// A query parameter the document fails to declare is accepted only when one of <paramref name="deviations"/> names it.
    /// </summary>
    public static void RequestsConform(OpenApiContract contract, IEnumerable<JournalEntry> requests, params KnownDeviation[] deviations)
    {
        ArgumentNullException.ThrowIfNull(deviations);
        var tolerated = deviations.Select(d => d.UndeclaredQueryParameter).OfType<string>().ToHashSet(StringComparer.Ordinal);
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(requests);
        var problems = new List<string>();
        var count = 0;
        foreach (var request in requests)
        {
            count++;
            var operation = contract.Find(request.Method, request.Path);
            if (operation is null)
            {
                problems.Add($"{request}: {contract.Name} declares no such operation");
                continue;
            }

            var declared = operation.In("query").ToDictionary(p => p.Name, StringComparer.Ordinal);
            foreach (var group in request.Query.GroupBy(q => q.Name, StringComparer.Ordinal))
            {
                if (tolerated.Contains(group.Key))
                {
                    continue;
                }

                if (!declared.TryGetValue(group.Key, out var parameter))
                {
                    problems.Add($"{request}: query parameter '{group.Key}' is not declared by {operation.OperationId} (declared: {string.Join(", ", declared.Keys)})");
                    continue;
                }

                if (group.Count() > 1)
                {
                    problems.Add($"{request}: query parameter '{group.Key}' is sent {group.Count()} times");
                }

                foreach (var value in group)
                {
                    if (parameter.Check(value.Value) is { } problem)
                    {
                        problems.Add($"{request}: {problem}");
                    }
                }
            }

            foreach (var required in operation.In("query").Where(p => p.Required && request.QueryValue(p.Name) is null))
            {
                problems.Add($"{request}: required query parameter '{required.Name}' is missing");
            }

            foreach (var header in operation.In("header").Where(p => p.Required))
            {
                if (!request.Headers.TryGetValue(header.Name, out var values) || values.Count != 1 || string.IsNullOrWhiteSpace(values[0]))
                {
                    problems.Add($"{request}: required header '{header.Name}' is missing or repeated");
                }
            }
        }

        Assert.True(count > 0, "No request was recorded, so nothing was checked.");
        Assert.True(problems.Count == 0, $"Requests that do not conform to {contract.Name}:\n{string.Join('\n', problems)}");
    }

    /// <summary>Gets every validation error, nested ones (array items, allOf/oneOf branches) included.</summary>
    public static IEnumerable<NJsonSchema.Validation.ValidationError> Flatten(IEnumerable<NJsonSchema.Validation.ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var error in errors)
        {
            yield return error;
            if (error is NJsonSchema.Validation.ChildSchemaValidationError child)
            {
                foreach (var nested in Flatten(child.Errors.Values.SelectMany(e => e)))
                {
                    yield return nested;
                }
            }
        }
    }

    private static string Describe(IEnumerable<NJsonSchema.Validation.ValidationError> errors)
    {
        var text = new StringBuilder();
        foreach (var error in errors)
        {
            text.Append("  ").Append(error.Kind).Append(" at ").Append(error.Path ?? "#").Append(' ').AppendLine(error.Property);
            if (error is NJsonSchema.Validation.ChildSchemaValidationError child)
            {
                foreach (var nested in child.Errors.Values.SelectMany(e => e))
                {
                    text.Append("    ").Append(nested.Kind).Append(" at ").AppendLine(nested.Path ?? "#");
                }
            }
        }

        return text.ToString();
    }
}
