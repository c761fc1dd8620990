using System.Net.Http.Headers;
using System.Text.Json;

namespace AuditAggregator.Simulators.Tests;

/// <summary>Plain HttpClients for the simulators, and small JSON helpers.</summary>
internal static class Clients
{
    public static readonly DateTimeOffset Now = new(2025, 6, 2, 12, 0, 0, TimeSpan.Zero);

    public static HttpClient DocSpace(DocSpaceSimulator sim, bool withAuth = true)
    {
        var http = new HttpClient { BaseAddress = sim.BaseUri };
        if (withAuth)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", DocSpaceCredential.DefaultApiKey);
        }

        return http;
    }

    public static HttpClient ExaVault(ExaVaultSimulator sim, bool withAuth = true)
    {
        var http = new HttpClient { BaseAddress = sim.ApiBaseUri };
        if (withAuth)
        {
            http.DefaultRequestHeaders.Add("ev-api-key", ExaVaultSimulatorOptions.DefaultApiKey);
            http.DefaultRequestHeaders.Add("ev-access-token", ExaVaultSimulatorOptions.DefaultAccessToken);
        }

        return http;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var document = await JsonDocument.ParseAsync(stream);
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient http, string uri)
    {
        using var response = await http.GetAsync(uri);
        Assert.True(response.IsSuccessStatusCode, $"{uri} answered {(int)response.StatusCode}");
        return await JsonAsync(response);
    }

    public static string Iso(DateTimeOffset value) => Uri.EscapeDataString(value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
}
