namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// The fields of one audit-trail record as read, before mapping: filled straight from the JSON by
/// <see cref="TrailPageParser"/>, then turned into an <see cref="AuditEvent"/> by <see cref="TrailEventMapper.Build"/>.
/// </summary>
internal struct TrailFields
{
    public long Id;
    public NodaTime.Instant Time;
    public NodaTime.Offset Offset;

    /// <summary>The account id in <c>D</c> form, or <see langword="null"/> for none or the empty GUID.</summary>
    public string? UserId;
    public string? User;

    /// <summary>The localized sentence the server sends as <c>action</c>.</summary>
    public string? Sentence;

    /// <summary>The <c>actionId</c> when it came as a number or a known name.</summary>
    public int? ActionId;

    /// <summary>The <c>actionId</c> when it came as a name this adapter does not know.</summary>
    public string? ActionName;
    public string? Ip;
    public string? Country;
    public string? City;
    public string? Browser;
    public string? Platform;
    public string? Page;

    /// <summary>The <c>actionType</c>, <c>product</c> and <c>location</c> as names where known, else as sent.</summary>
    public string? ActionType;
    public string? Product;
    public string? Location;

    /// <summary>The <c>target</c> ids joined with commas, as the server stores them.</summary>
    public string? Target;

    /// <summary>The <c>entries</c> as names, joined with commas (<c>File,Folder</c>).</summary>
    public string? Entries;
    public string? Context;

    /// <summary>The properties not listed above, in the order sent, or <see langword="null"/>.</summary>
    public List<KeyValuePair<string, AuditValue>>? Extra;

    /// <summary>The record's JSON text as sent, when raw records are asked for; otherwise <see langword="null"/>.</summary>
    public string? RawRecord;
}
