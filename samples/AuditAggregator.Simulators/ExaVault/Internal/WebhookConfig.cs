namespace AuditAggregator.Simulators.ExaVault.Internal;

/// <summary>A webhook configured on the simulated account: what it watches, where it posts, in which format.</summary>
internal sealed record WebhookConfig(int Id, string Format, string Path, string EndpointUrl, IReadOnlyList<string> Folders)
{
    public static IReadOnlyList<WebhookConfig> All { get; } =
    [
        new(311, "v2", "/Production", "https://hooks.example.com/exavault", ["/Production/Inbound", "/Production/Outbound"]),
        new(312, "v1", "/Finance", "https://legacy.example.net/webhook.php", ["/Finance/Reports"]),
        new(313, "v2", "/", "https://siem.example.org/ingest/exavault", ["/Marketing/Assets", "/Shared/Partners", "/Production/Inbound"]),
    ];
}
