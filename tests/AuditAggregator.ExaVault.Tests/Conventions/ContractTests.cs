using AuditAggregator.ExaVault.Tests.Support;
using NodaTime;

namespace AuditAggregator.ExaVault.Tests.Conventions;

/// <summary>
/// Every query parameter the Refit interface sends is declared, under that name, by the vendor's OpenAPI document, and
/// every declared one can be sent.
/// </summary>
public class ContractTests
{
    [Theory]
    [InlineData("/activity/session")]
    [InlineData("/activity/webhooks")]
    public async Task QueryParameters_MatchTheContractExactly(string route)
    {
        using var account = new TestAccount();
        account.Http.Route(new ActivityLogStub().Answer);
        var api = account.CreateApi();
        var instant = Instant.FromUtc(2025, 6, 1, 0, 0);
        using var response = route.EndsWith("session", StringComparison.Ordinal)
            ? await api.GetSessionActivityAsync(instant, instant, "a", "b", "c", "d", 1, 2, "-date")
            : await api.GetWebhookActivityAsync(instant, instant, "a", "b", 1, "c", "d", 1, 2, "-date");

        var sent = Assert.Single(account.Http.Requests).Query.Select(p => p.Key).Order();
        Assert.Equal(DeclaredQueryParameters(route).Order(), sent);
    }

    [Theory]
    [InlineData("/activity/session")]
    [InlineData("/activity/webhooks")]
    public void Contract_DeclaresBothCredentialHeaders(string route) =>
        Assert.Equal(["ev-access-token", "ev-api-key"], DeclaredParameters(route, "header").Order());

    private static List<string> DeclaredQueryParameters(string route) => DeclaredParameters(route, "query");

    /// <summary>Reads the parameter names of one path from the YAML: each <c>in:</c> line is followed by its <c>name:</c>.</summary>
    private static List<string> DeclaredParameters(string route, string location)
    {
        var lines = ExaVaultJson.Fixture("exavault-activity.openapi.yaml").Split('\n');
        var start = Array.FindIndex(lines, l => l.TrimEnd() == $"  {route}:");
        Assert.True(start >= 0, $"The contract has no path {route}.");
        var end = Array.FindIndex(lines, start + 1, l => l.StartsWith("  /", StringComparison.Ordinal) || l.StartsWith("components:", StringComparison.Ordinal));
        var names = new List<string>();
        for (var i = start; i < end - 1; i++)
        {
            if (lines[i].Trim() == $"in: {location}" && lines[i + 1].Trim().StartsWith("name: ", StringComparison.Ordinal))
            {
                names.Add(lines[i + 1].Trim()["name: ".Length..]);
            }
        }

        return names;
    }
}
