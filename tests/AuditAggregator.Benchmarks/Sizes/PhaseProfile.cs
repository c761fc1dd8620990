using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using AuditAggregator.Benchmarks.Pages;
using AuditAggregator.DocSpace.Internal;
using AuditAggregator.ExaVault.Internal;

namespace AuditAggregator.Benchmarks.Sizes;

/// <summary>
/// <c>profile</c>: splits each page's parse-and-map into its phases (deserialize, map, and the map's own parts), timed
/// with a stopwatch and <see cref="GC.GetAllocatedBytesForCurrentThread"/>: the profile that explains a missed target.
/// </summary>
internal static class PhaseProfile
{
    public static IEnumerable<string> Describe()
    {
        var pages = CapturedPages.Current;
        var login = JsonSerializer.Deserialize(pages.DocSpace, DocSpaceJsonContext.Default.LoginEventEnvelope)!.Response!;
        var sessions = JsonSerializer.Deserialize(pages.Sessions, ExaVaultJsonContext.Default.ExaVaultLogPageExaVaultSessionAttributes)!.Data!;
        var webhooks = JsonSerializer.Deserialize(pages.Webhooks, ExaVaultJsonContext.Default.ExaVaultLogPageExaVaultWebhookAttributes)!.Data!;

        yield return Phase("docspace floor", login.Count, () => JsonFloor.CountTokens(pages.DocSpace));
        yield return Phase("docspace deserialize", login.Count, () => JsonSerializer.Deserialize(pages.DocSpace, DocSpaceJsonContext.Default.LoginEventEnvelope));
        yield return Phase("docspace deser. async", login.Count, () => AsyncDeserialize(pages.DocSpace).GetAwaiter().GetResult());
        yield return Phase("docspace deser. naive", login.Count, () => System.Text.Json.JsonSerializer.Deserialize<AuditAggregator.Benchmarks.Naive.NaiveDocSpaceEnvelope>(pages.DocSpace, NaiveOptions));
        yield return Phase("docspace map", login.Count, () => login.Select(e => LoginEventMapper.Map(e, false)).ToList());
        yield return Phase("docspace date parse", login.Count, () => login.Select(e => NodaTime.Text.OffsetDateTimePattern.ExtendedIso.Parse(e.Date!).Value).ToList());

        yield return Phase("docspace dto parse", login.Count, () => login.Select(e => DateTimeOffset.TryParseExact(e.Date, "yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFFzzz", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : default).ToList());
        yield return Phase("docspace id+guid text", login.Count, () => login.Select(e => (e.Id.ToString(CultureInfo.InvariantCulture), e.UserId?.ToString("D", CultureInfo.InvariantCulture))).ToList());
        yield return Phase("session floor", sessions.Count, () => JsonFloor.CountTokens(pages.Sessions));
        yield return Phase("session deserialize", sessions.Count, () => JsonSerializer.Deserialize(pages.Sessions, ExaVaultJsonContext.Default.ExaVaultLogPageExaVaultSessionAttributes));
        yield return Phase("session map", sessions.Count, () => sessions.Select(e => SessionMapper.Map(e, false)).ToList());
        yield return Phase("session time parse", sessions.Count, () => sessions.Select(e => VendorTime.TryParse(e.Attributes!.Created, out var t, out _) ? t : default).ToList());
        yield return Phase("session details", sessions.Count, () => sessions.Select(e => new DetailsBuilder().Add("protocol", e.Attributes!.Protocol).Add("sessionId", e.Attributes.SessionId).Add("status", e.Attributes.Status).Add("fileSource", e.Attributes.FileSource).Add("bytesTransferred", e.Attributes.BytesTransferred).Add("duration", e.Attributes.Duration).Build()).ToList());

        yield return Phase("webhook floor", webhooks.Count, () => JsonFloor.CountTokens(pages.Webhooks));
        yield return Phase("webhook deserialize", webhooks.Count, () => JsonSerializer.Deserialize(pages.Webhooks, ExaVaultJsonContext.Default.ExaVaultLogPageExaVaultWebhookAttributes));
        yield return Phase("webhook map", webhooks.Count, () => webhooks.Select(e => WebhookMapper.Map(e, false)).ToList());
        yield return Phase("webhook time parse", webhooks.Count, () => webhooks.Select(e => VendorTime.TryParse(e.Attributes!.Created, out var t, out _) ? t : default).ToList());
    }

    private static readonly JsonSerializerOptions NaiveOptions = new(JsonSerializerDefaults.Web);

    private static async Task<object?> AsyncDeserialize(byte[] body)
    {
        using var stream = new MemoryStream(body, writable: false);
        return await JsonSerializer.DeserializeAsync(stream, DocSpaceJsonContext.Default.LoginEventEnvelope);
    }

    private static string Phase(string name, int events, Func<object?> run)
    {
        for (var i = 0; i < 20; i++)
        {
            run();
        }

        var rounds = 0;
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.ElapsedMilliseconds < 500)
        {
            GC.KeepAlive(run());
            rounds++;
        }

        stopwatch.Stop();
        bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
        var perEvent = stopwatch.Elapsed.TotalNanoseconds / rounds / events;
        return string.Create(CultureInfo.InvariantCulture, $"{name,-22} {perEvent,9:N0} ns/event {(double)bytes / rounds / events,9:N0} B/event");
    }
}
