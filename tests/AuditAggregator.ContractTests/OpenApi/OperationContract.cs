using System.Text.Json.Nodes;

namespace AuditAggregator.ContractTests.OpenApi;

/// <summary>
/// One operation of an OpenAPI document: its method, path, parameters and the response bodies it declares.
/// </summary>
internal sealed record OperationContract
{
    /// <summary>Gets the upper-case HTTP method.</summary>
    public required string Method { get; init; }

    /// <summary>Gets the request path as sent, the server's base path included.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the operation id.</summary>
    public required string OperationId { get; init; }

    /// <summary>Gets the declared parameters, their schemas with references resolved.</summary>
    public required IReadOnlyList<ParameterContract> Parameters { get; init; }

    /// <summary>Gets the declared responses by status: the JSON body schema, or null when the status has no content.</summary>
    public required IReadOnlyDictionary<int, JsonObject?> Responses { get; init; }

    /// <summary>Gets the parameters declared in <paramref name="location"/> (<c>query</c>, <c>header</c>, <c>cookie</c>).</summary>
    public IEnumerable<ParameterContract> In(string location) => Parameters.Where(p => p.In == location);

    /// <inheritdoc/>
    public override string ToString() => $"{Method} {Path} ({OperationId})";
}
