using System.Text.Json;
using AuditAggregator.ConsoleApp.Output;
using AuditAggregator.Testing;
using NodaTime;

namespace AuditAggregator.ConsoleApp.Tests.Output;

/// <summary>Only a whole address goes to an ip field; anything else keeps its text in a field that takes any.</summary>
public sealed class IpFieldTests
{
    public static TheoryData<string, bool> Addresses => new()
    {
        { "192.0.2.44", true },
        { "0.0.0.0", true },
        { "255.255.255.255", true },
        { "2001:db8:85a3::8a2e:370:7334", true },
        { "::1", true },
        { "::ffff:192.0.2.1", true },
        { "2001", false },       // DocSpace cuts IPv6 addresses at the first colon; IPAddress.TryParse reads 0.0.7.209
        { "1", false },
        { "10.1", false },       // IPAddress.TryParse reads 10.0.0.1
        { "10.0.1", false },
        { "256.1.1.1", false },
        { "1.2.3.4.5", false },
        { "010.0.0.1", false },
        { "0x7f.0.0.1", false },
        { "2001:db8", false },
        { "unknown", false },
        { "[::1]", false },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void Ecs_Address_IsSourceIpOnlyWhenWhole(string text, bool isIp)
    {
        var source = Write(output => new EcsEventWriter(output), text).GetProperty("source");

        Assert.Equal(isIp ? ["ip"] : ["address"], source.EnumerateObject().Select(p => p.Name));
        Assert.Equal(text, source.GetProperty(isIp ? "ip" : "address").GetString());
    }

    [Theory]
    [MemberData(nameof(Addresses))]
    public void Ocsf_Address_IsSrcEndpointIpOnlyWhenWhole(string text, bool isIp)
    {
        var endpoint = Write(output => new OcsfEventWriter(output), text).GetProperty("src_endpoint");

        Assert.Equal(isIp ? ["ip"] : ["name"], endpoint.EnumerateObject().Select(p => p.Name));
        Assert.Equal(text, endpoint.GetProperty(isIp ? "ip" : "name").GetString());
    }

    private static JsonElement Write(Func<TextWriter, IEventWriter> create, string ip)
    {
        using var output = new StringWriter();
        var writer = create(output);
        writer.Write(SyntheticSource.Create("docspace", "login", 1, Instant.FromUtc(2025, 6, 1, 12, 0)) with { Ip = ip });
        writer.Flush();
        return JsonDocument.Parse(output.ToString()).RootElement.Clone();
    }
}
