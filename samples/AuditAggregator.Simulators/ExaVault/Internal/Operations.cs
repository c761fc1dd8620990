namespace AuditAggregator.Simulators.ExaVault.Internal;

/// <summary>The ExaVault operation codes and webhook events the data set uses.</summary>
internal static class Operations
{
    /// <summary>Gets every documented operation code.</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "PASS", "EXIT", "STOR", "RETR", "DELE", "MKD", "RNTO", "MOVE", "COPY", "COMPR", "EXTRACT",
        "SHARE", "EDIT_SHARE", "DELE_SHARE", "SEND", "EDIT_SEND", "DELE_SEND", "RECV", "EDIT_RECV", "DELE_RECV",
        "NOTIFY", "EDIT_NTFY", "DELE_NTFY", "USER", "EDIT_USER", "DELE_USER", "DFA", "EDIT_DFA", "DELE_DFA",
    ];

    /// <summary>Gets codes outside the documented table, which a client must keep.</summary>
    public static IReadOnlyList<string> Unknown { get; } = ["SITE", "AUDIT_EXPORT"];

    public static IReadOnlyList<string> Weighted { get; } = Build(
        ("PASS", 15), ("EXIT", 10), ("STOR", 20), ("RETR", 22), ("DELE", 5), ("MKD", 4), ("RNTO", 3), ("MOVE", 3),
        ("COPY", 3), ("COMPR", 1), ("EXTRACT", 1), ("SHARE", 1), ("SEND", 1), ("RECV", 1), ("NOTIFY", 1), ("EDIT_USER", 1));

    /// <summary>Gets every webhook event type.</summary>
    public static IReadOnlyList<string> Events { get; } =
    [
        "resources.upload", "resources.download", "resources.delete", "resources.createFolder", "resources.rename",
        "resources.move", "resources.copy", "resources.compress", "resources.extract", "shares.formSubmit",
    ];

    public static IReadOnlyList<string> WeightedEvents { get; } = Build(
        ("resources.upload", 40), ("resources.download", 30), ("resources.delete", 8), ("resources.createFolder", 5),
        ("resources.rename", 5), ("resources.move", 4), ("resources.copy", 4), ("resources.compress", 1),
        ("resources.extract", 1), ("shares.formSubmit", 2));

    private static string[] Build(params (string Code, int Weight)[] weights) =>
        weights.SelectMany(w => Enumerable.Repeat(w.Code, w.Weight)).ToArray();
}
