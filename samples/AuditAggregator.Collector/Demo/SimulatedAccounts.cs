using System.Globalization;
using System.Text.Json;
using AuditAggregator.Simulators;

namespace AuditAggregator.Collector.Demo;

/// <summary>
/// Many accounts served from this process: a few simulated worlds (each a DocSpace and an ExaVault simulator with a
/// seed of its own), every account one vendor of one world. Accounts that share a simulator read the same records,
/// but under their own source names, so their events (whose ids start with the source name) are their own.
/// </summary>
internal sealed class SimulatedAccounts : IAsyncDisposable
{
    public const string DocSpaceTokenVariable = "DEMO_DOCSPACE_TOKEN";
    public const string ExaVaultApiKeyVariable = "DEMO_EXAVAULT_API_KEY";
    public const string ExaVaultAccessTokenVariable = "DEMO_EXAVAULT_ACCESS_TOKEN";

    private readonly SimulatorEnvironment[] _worlds;

    private SimulatedAccounts(SimulatorEnvironment[] worlds, DateTimeOffset now)
    {
        _worlds = worlds;
        Now = now;
    }

    public DateTimeOffset Now { get; }

    public static IReadOnlyDictionary<string, string> Variables { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [DocSpaceTokenVariable] = DocSpaceCredential.DefaultApiKey,
        [ExaVaultApiKeyVariable] = ExaVaultSimulatorOptions.DefaultApiKey,
        [ExaVaultAccessTokenVariable] = ExaVaultSimulatorOptions.DefaultAccessToken,
    };

    public static async Task<SimulatedAccounts> StartAsync(int worlds, int eventsPerAccount, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var started = new List<SimulatorEnvironment>();
        try
        {
            for (var i = 0; i < worlds; i++)
            {
                started.Add(await SimulatorEnvironment.StartAsync(
                    new SimulatorEnvironmentOptions
                    {
                        Seed = 1000 + i,
                        Now = now,
                        TotalEventCount = eventsPerAccount * 2,
                        Span = TimeSpan.FromDays(30),
                        ConfigureDocSpace = o =>
                        {
                            o.EventCount = eventsPerAccount;
                            o.AuditEventCount = eventsPerAccount / 2;
                            o.RequestLogCapacity = 16;
                        },
                        ConfigureExaVault = o =>
                        {
                            o.SessionEventCount = eventsPerAccount * 7 / 10;
                            o.WebhookEventCount = eventsPerAccount - (eventsPerAccount * 7 / 10);
                            o.DailyAllowance = int.MaxValue;
                            o.RequestLogCapacity = 16;
                        },
                    },
                    cancellationToken).ConfigureAwait(false));
            }
        }
        catch
        {
            foreach (var world in started)
            {
                await world.DisposeAsync().ConfigureAwait(false);
            }

            throw;
        }

        return new SimulatedAccounts([.. started], now);
    }

    /// <summary>
    /// Writes a sources file of <paramref name="accounts"/> accounts, alternately DocSpace and ExaVault, with the
    /// credentials as <c>${...}</c> references to <see cref="Variables"/>.
    /// </summary>
    public async Task WriteSourcesFileAsync(string path, int accounts, CancellationToken cancellationToken)
    {
        var stream = File.Create(path);
        await using (stream.ConfigureAwait(false))
        {
            var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
            await using (writer.ConfigureAwait(false))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("sources");
                for (var i = 0; i < accounts; i++)
                {
                    var world = _worlds[(i / 2) % _worlds.Length];
                    var number = (i + 1).ToString("D4", CultureInfo.InvariantCulture);
                    writer.WriteStartObject();
                    if (i % 2 == 0)
                    {
                        writer.WriteString("name", $"docspace-{number}");
                        writer.WriteString("vendor", "docspace");
                        writer.WriteString("url", world.DocSpace.BaseUri.ToString());
                        writer.WriteString("token", $"${{{DocSpaceTokenVariable}}}");
                    }
                    else
                    {
                        writer.WriteString("name", $"exavault-{number}");
                        writer.WriteString("vendor", "exavault");
                        writer.WriteString("url", world.ExaVault.BaseUri.ToString());
                        writer.WriteString("apiKey", $"${{{ExaVaultApiKeyVariable}}}");
                        writer.WriteString("accessToken", $"${{{ExaVaultAccessTokenVariable}}}");
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var world in _worlds)
        {
            await world.DisposeAsync().ConfigureAwait(false);
        }
    }
}
