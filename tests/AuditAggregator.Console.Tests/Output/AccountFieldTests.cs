using System.Text.Json;
using AuditAggregator.ConsoleApp.Output;
using AuditAggregator.Testing;
using NodaTime;

namespace AuditAggregator.ConsoleApp.Tests.Output;

/// <summary>
/// The OCSF and ECS writers say which product an event came from (by its vendor) and which account (by its source
/// name), in fields their schemas define.
/// </summary>
public sealed class AccountFieldTests
{
    /// <summary>The attributes of OCSF 1.1.0's Metadata object.</summary>
    private static readonly string[] OcsfMetadata =
    [
        "correlation_uid", "event_code", "extension", "extensions", "labels", "log_level", "log_name", "log_provider",
        "log_version", "logged_time", "loggers", "modified_time", "original_time", "processed_time", "product",
        "profiles", "sequence", "tenant_uid", "uid", "version",
    ];

    /// <summary>The attributes of OCSF 1.1.0's Product object.</summary>
    private static readonly string[] OcsfProduct = ["cpe_name", "feature", "lang", "name", "path", "uid", "url_string", "vendor_name", "version"];

    /// <summary>The ECS 8 field sets a document may use at its top level, plus this project's custom set.</summary>
    private static readonly string[] EcsTopLevel =
    [
        "@timestamp", "message", "event", "user", "source", "file", "user_agent", "observer", "cloud", "auditaggregator",
    ];

    [Theory]
    [InlineData("acme-docspace", "docspace", "DocSpace", "ONLYOFFICE")]
    [InlineData("docspace", "docspace", "DocSpace", "ONLYOFFICE")]
    [InlineData("globex-exavault", "exavault", "ExaVault", "ExaVault")]
    public void Ocsf_NamedSource_ProductFromTheVendorAndTenantFromTheSource(string source, string vendor, string product, string maker)
    {
        var metadata = Write(output => new OcsfEventWriter(output), source, vendor).GetProperty("metadata");

        Assert.Equal(product, metadata.GetProperty("product").GetProperty("name").GetString());
        Assert.Equal(maker, metadata.GetProperty("product").GetProperty("vendor_name").GetString());
        Assert.Equal(source, metadata.GetProperty("tenant_uid").GetString());
        Assert.Equal($"{source}:login:1", metadata.GetProperty("uid").GetString());
        Assert.All(metadata.EnumerateObject(), p => Assert.Contains(p.Name, OcsfMetadata));
        Assert.All(metadata.GetProperty("product").EnumerateObject(), p => Assert.Contains(p.Name, OcsfProduct));
    }

    [Theory]
    [InlineData("acme-docspace", "docspace", "DocSpace", "ONLYOFFICE")]
    [InlineData("exavault", "exavault", "ExaVault", "ExaVault")]
    [InlineData("globex-exavault", "exavault", "ExaVault", "ExaVault")]
    public void Ecs_NamedSource_ObserverFromTheVendorAndCloudAccountFromTheSource(string source, string vendor, string product, string maker)
    {
        var document = Write(output => new EcsEventWriter(output), source, vendor);

        var observer = document.GetProperty("observer");
        Assert.Equal(["vendor", "product"], observer.EnumerateObject().Select(p => p.Name));
        Assert.Equal(maker, observer.GetProperty("vendor").GetString());
        Assert.Equal(product, observer.GetProperty("product").GetString());
        Assert.Equal(source, document.GetProperty("cloud").GetProperty("account").GetProperty("id").GetString());
        Assert.Equal(vendor, document.GetProperty("event").GetProperty("provider").GetString());
        Assert.Equal($"{vendor}.login", document.GetProperty("event").GetProperty("dataset").GetString());
        Assert.All(document.EnumerateObject(), p => Assert.Contains(p.Name, EcsTopLevel));
    }

    private static JsonElement Write(Func<TextWriter, IEventWriter> create, string source, string vendor)
    {
        using var output = new StringWriter();
        var writer = create(output);
        writer.Write(SyntheticSource.Create(source, "login", 1, Instant.FromUtc(2025, 6, 1, 12, 0)) with { Vendor = vendor, Ip = "192.0.2.44" });
        writer.Flush();
        return JsonDocument.Parse(output.ToString()).RootElement.Clone();
    }
}
