using System.Net.Http.Headers;
using AuditAggregator.Simulators;
using SimulatedDocSpaceCredential = AuditAggregator.Simulators.DocSpaceCredential;

namespace AuditAggregator.Benchmarks.Pages;

/// <summary>
/// Realistic response bodies, captured once per process from the simulators: a full DocSpace page (100 login events)
/// and full ExaVault pages (1,000 session entries, 1,000 webhook entries, v1 and v2 shapes mixed); for the writer's
/// benchmark also ten full DocSpace audit-trail pages.
/// </summary>
internal sealed class CapturedPages
{
    public const int DocSpaceItems = 100;
    public const int ExaVaultItems = 1000;

    private static readonly Lazy<CapturedPages> Instance = new(() => CaptureAsync().GetAwaiter().GetResult());

    public const int DocSpacePageCount = 20;

    public const int TrailPageCount = 10;

    private CapturedPages(IReadOnlyList<byte[]> docSpacePages, IReadOnlyList<byte[]> trailPages, byte[] sessions, byte[] webhooks)
    {
        DocSpacePages = docSpacePages;
        TrailPages = trailPages;
        DocSpace = docSpacePages[2];
        Sessions = sessions;
        Webhooks = webhooks;
    }

    public static CapturedPages Current => Instance.Value;

    public byte[] DocSpace { get; }

    /// <summary>Gets 20 consecutive full DocSpace pages (start indexes 0, 100, ... 1,900); <see cref="DocSpace"/> is the third.</summary>
    public IReadOnlyList<byte[]> DocSpacePages { get; }

    /// <summary>Gets 10 consecutive full DocSpace audit-trail pages (start indexes 0, 100, ... 900).</summary>
    public IReadOnlyList<byte[]> TrailPages { get; }

    public byte[] Sessions { get; }

    public byte[] Webhooks { get; }

    private static async Task<CapturedPages> CaptureAsync()
    {
        await using var world = await SimulatorEnvironment.StartAsync(new SimulatorEnvironmentOptions
        {
            TotalEventCount = 20_000,
            Now = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero),
        });
        using var http = new HttpClient();

        var docSpacePages = new List<byte[]>(DocSpacePageCount);
        for (var page = 0; page < DocSpacePageCount; page++)
        {
            using var docSpaceRequest = new HttpRequestMessage(HttpMethod.Get, world.DocSpace.UriFor($"{DocSpaceSimulator.FilterPath}?startIndex={page * DocSpaceItems}&count={DocSpaceItems}"));
            docSpaceRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SimulatedDocSpaceCredential.DefaultApiKey);
            docSpacePages.Add(await SendAsync(http, docSpaceRequest));
        }

        var trailPages = new List<byte[]>(TrailPageCount);
        for (var page = 0; page < TrailPageCount; page++)
        {
            using var trailRequest = new HttpRequestMessage(HttpMethod.Get, world.DocSpace.UriFor($"{DocSpaceSimulator.AuditFilterPath}?startIndex={page * DocSpaceItems}&count={DocSpaceItems}"));
            trailRequest.Headers.Authorization = new AuthenticationHeaderValue("Bearer", SimulatedDocSpaceCredential.DefaultApiKey);
            trailPages.Add(await SendAsync(http, trailRequest));
        }

        var sessions = await GetExaVaultAsync(http, new Uri(world.ExaVault.ApiBaseUri, $"activity/session?offset={ExaVaultItems}&limit={ExaVaultItems}&sort=-date"));
        var webhooks = await GetExaVaultAsync(http, new Uri(world.ExaVault.ApiBaseUri, $"activity/webhooks?offset={ExaVaultItems}&limit={ExaVaultItems}&sort=-date"));
        return new CapturedPages(docSpacePages, trailPages, sessions, webhooks);
    }

    private static Task<byte[]> GetExaVaultAsync(HttpClient http, Uri uri)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Add("ev-api-key", ExaVaultSimulatorOptions.DefaultApiKey);
        request.Headers.Add("ev-access-token", ExaVaultSimulatorOptions.DefaultAccessToken);
        return SendAsync(http, request);
    }

    private static async Task<byte[]> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }
}
