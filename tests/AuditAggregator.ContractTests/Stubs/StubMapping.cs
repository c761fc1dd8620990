using System.Text.Json.Nodes;
using AuditAggregator.ContractTests.OpenApi;

namespace AuditAggregator.ContractTests.Stubs;

/// <summary>
/// One stub mapping from the <c>Mappings/{vendor}</c> folders, in WireMock's JSON mapping format: what it matches, what it
/// answers and the known deviations its body relies on (<c>metadata.contract.deviations</c>).
/// </summary>
internal sealed record StubMapping
{
    /// <summary>Gets the vendor folder, <c>docspace</c>, <c>docspace-audit</c> or <c>exavault</c>.</summary>
    public required string Vendor { get; init; }

    /// <summary>Gets the file name.</summary>
    public required string File { get; init; }

    /// <summary>Gets the mapping's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the matched method.</summary>
    public required string Method { get; init; }

    /// <summary>Gets the matched path.</summary>
    public required string Path { get; init; }

    /// <summary>Gets the answered status.</summary>
    public required int Status { get; init; }

    /// <summary>Gets the answered headers.</summary>
    public required IReadOnlyDictionary<string, string> Headers { get; init; }

    /// <summary>Gets the answered body, or null when the answer has none.</summary>
    public required string? Body { get; init; }

    /// <summary>Gets the known deviations the mapping names.</summary>
    public required IReadOnlyList<KnownDeviation> Deviations { get; init; }

    /// <summary>Gets the mapping as written.</summary>
    public required JsonObject Json { get; init; }

    /// <summary>Loads every mapping of a vendor folder.</summary>
    public static IReadOnlyList<StubMapping> Load(string vendor)
    {
        var folder = ContractTestPaths.Mappings(vendor);
        Assert.True(Directory.Exists(folder), $"The stub mapping folder {folder} is missing; the project copies Mappings/** to the output.");
        var mappings = new List<StubMapping>();
        foreach (var path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var file = System.IO.Path.GetFileName(path);
            var root = JsonNode.Parse(System.IO.File.ReadAllText(path))!.AsObject();
            if (root.Count != 1 || root["mappings"] is not JsonArray array)
            {
                throw new NotSupportedException($"{vendor}/{file}: a stub mapping file holds {{\"mappings\": [...]}} and nothing else.");
            }

            mappings.AddRange(array.Select(m => Parse(vendor, file, m!.AsObject())));
        }

        return mappings;
    }

    /// <summary>Loads every mapping of both vendors, the DocSpace audit trail's included.</summary>
    public static IReadOnlyList<StubMapping> LoadAll() =>
        [.. Load(VendorContracts.DocSpaceVendor), .. Load(VendorContracts.DocSpaceAuditVendor), .. Load(VendorContracts.ExaVaultVendor)];

    /// <inheritdoc/>
    public override string ToString() => $"{Vendor}/{File}: {Name}";

    private static StubMapping Parse(string vendor, string file, JsonObject mapping)
    {
        var request = mapping["request"]!.AsObject();
        var response = mapping["response"]!.AsObject();
        var body = response["jsonBody"] is { } json ? StubMappingConverter.BodyText(json) : null;
        var deviations = mapping["metadata"]?["contract"]?["deviations"]?.AsArray()
            .Select(d => KnownDeviations.Get((string)d!))
            .ToList() ?? [];
        return new StubMapping
        {
            Vendor = vendor,
            File = file,
            Name = (string?)mapping["name"] ?? throw new InvalidOperationException($"A mapping in {vendor}/{file} has no name."),
            Method = (string)request["method"]!,
            Path = (string?)request["urlPath"] ?? throw new InvalidOperationException($"{vendor}/{file}: mappings match on urlPath."),
            Status = (int?)response["status"] ?? 200,
            Headers = response["headers"]?.AsObject().ToDictionary(h => h.Key, h => (string)h.Value!, StringComparer.OrdinalIgnoreCase)
                ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase),
            Body = string.IsNullOrEmpty(body) ? null : body,
            Deviations = deviations,
            Json = mapping,
        };
    }
}
