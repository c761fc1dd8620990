using System.Text.Json.Nodes;

namespace AuditAggregator.ContractTests.OpenApi;

/// <summary>
/// A place where a vendor's OpenAPI document is known to be wrong (see <c>Contracts/README.md</c>), named so
/// that a test that relies on it says so instead of silently skipping a check.
/// </summary>
/// <param name="Id">A stable name, such as <c>DocSpace.ResultFileIdTypedNull</c>; stub mappings cite it in their metadata.</param>
/// <param name="Summary">What the document says and what the server really does.</param>
internal sealed record KnownDeviation(string Id, string Summary)
{
    /// <summary>Gets a correction of the document, applied to the corrected contract, or null when none is needed.</summary>
    public Action<JsonObject>? CorrectDocument { get; init; }

    /// <summary>
    /// Gets the JSON schema the server's real body follows where the document declares none or a wrong one, or null.
    /// It may refer to the document's schemas as <c>#/definitions/Name</c>.
    /// </summary>
    public string? ResponseSchema { get; init; }

    /// <summary>Gets a query parameter the server reads although the operation does not declare it, or null.</summary>
    public string? UndeclaredQueryParameter { get; init; }

    /// <summary>Gets the vendor folder the deviation belongs to, <c>docspace</c> or <c>exavault</c>.</summary>
    public string Vendor => Id[..Id.IndexOf('.', StringComparison.Ordinal)].ToLowerInvariant();

    /// <inheritdoc/>
    public override string ToString() => Id;
}
