using AuditAggregator.Simulators.Data.Internal;

namespace AuditAggregator.Simulators.ExaVault.Internal;

/// <summary>Builds webhook-log entry <c>i</c> from the seed alone: v1 and v2 webhooks, some listeners failing.</summary>
internal sealed class WebhookGenerator
{
    public const ulong Salt = 0x3EB0;
    private const long FirstId = 2_602_000;

    private readonly long _seed;
    private readonly UserDirectory _users;
    private readonly Timeline _timeline;

    public WebhookGenerator(long seed, Timeline timeline, UserDirectory users)
    {
        _seed = seed;
        _users = users;
        _timeline = timeline;
    }

    public WebhookEntry Entry(long index)
    {
        var h = Mix.Hash(_seed, Salt, index);
        var id = FirstId + (index * 5) + (long)(Mix.Hash(_seed, Salt ^ 0x1D, index) % 5);
        var time = _timeline.TimeAt(index);
        var pick = h % 10;
        var webhook = WebhookConfig.All[pick < 5 ? 0 : pick < 8 ? 1 : 2];
        var ev = index % 23 == 3
            ? Operations.Events[(int)(index / 23 % Operations.Events.Count)]
            : Operations.WeightedEvents[Mix.Below(h >> 32, Operations.WeightedEvents.Count)];
        var users = _users.ExaVault;
        var user = users[Mix.Below(Mix.Next(h), users.Count)];
        var userIndex = _users.IndexOf(user);
        var folder = webhook.Folders[Mix.Below(h >> 4, webhook.Folders.Count)];
        var isFolder = ev is "resources.createFolder" or "resources.extract";
        var path = isFolder ? folder + "/folder-" + (h % 97) : folder + "/" + Paths.File(h >> 12, time);
        var (status, response) = ((h >> 16) % 100) switch
        {
            < 80 => (200, "OK"),
            < 85 => (500, "Internal Server Error"),
            < 89 => (404, "Not Found"),
            < 92 => (503, "<html><body>Service Unavailable</body></html>"),
            < 95 => (204, string.Empty),
            _ => (201, "{\"received\":true}"),
        };
        var resend = (h >> 24) % 9 == 0;
        return new WebhookEntry
        {
            Index = index,
            Id = id,
            Created = time,
            Webhook = webhook,
            AttemptId = Mix.Hex(Mix.Hash(_seed, Salt ^ 0xA7, index), 14),
            Resend = resend,
            Attempt = resend ? 2 + (int)((h >> 28) % 2) : 1,
            Event = ev,
            Status = status,
            Response = response,
            IpAddress = Location.For(userIndex, Mix.Next(h ^ 0x10C)).Ip,
            ResourcePath = path,
            Username = user.ExaVaultUsername!,
            Protocol = (h >> 36) % 3 == 0 ? "sftp" : "web",
            ResourceId = 2_559_000 + (index * 3),
            ResourceHash = Mix.Hex(Mix.Hash(_seed, Salt ^ 0x4A, index), 32),
            IsFolder = isFolder,
            Size = isFolder ? 0 : 1024 + (int)(Mix.Next(h ^ 0xB) % 20_000_000),
            FileCount = isFolder ? (int)(h % 40) : 0,
        };
    }
}
