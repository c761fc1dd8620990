namespace AuditAggregator.Benchmarks.Sizes;

/// <summary>
/// Copies an <see cref="AuditEvent"/> with everything it owns; see <see cref="EventSize"/> for what counts.
/// </summary>
internal sealed class DeepCopier
{
    // Strings already copied for the current event, by reference, so that a string two fields share counts once.
    private readonly Dictionary<string, string> _copied = new(64, ReferenceEqualityComparer.Instance);

    public AuditEvent Copy(AuditEvent source)
    {
        _copied.Clear();
        var actor = ReferenceEquals(source.Actor, AuditActor.Unknown)
            ? source.Actor
            : new AuditActor(Text(source.Actor.Id), Text(source.Actor.Name), Text(source.Actor.Login));
        return source with
        {
            SourceId = Text(source.SourceId)!,
            Action = Text(source.Action)!,
            Actor = actor,
            Ip = Text(source.Ip),
            UserAgent = Text(source.UserAgent),
            Location = Text(source.Location),
            Resource = Text(source.Resource),
            VendorAction = Text(source.VendorAction)!,
            VendorActionName = Text(source.VendorActionName),
            Details = Details(source.Details),
            RawRecord = Text(source.RawRecord),
        };
    }

    private AuditDetails Details(AuditDetails details)
    {
        if (ReferenceEquals(details, AuditDetails.Empty))
        {
            return details;
        }

        var items = new KeyValuePair<string, AuditValue>[details.Count];
        var i = 0;
        foreach (var (key, value) in details)
        {
            var text = Text(value.AsString());
            // A JSON value cannot be rebuilt without parsing; its text copy above already counted its bytes.
            var copy = value.Kind == AuditValueKind.String ? AuditValue.FromString(text!) : value;
            items[i++] = new(Text(key)!, copy);
        }

        return AuditDetails.FromDistinct(items);
    }

    private string? Text(string? value)
    {
        if (value is null || value.Length == 0 || ReferenceEquals(string.IsInterned(value), value))
        {
            return value;
        }

        if (!_copied.TryGetValue(value, out var copy))
        {
            copy = new string(value.AsSpan());
            _copied.Add(value, copy);
        }

        return copy;
    }
}
