namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// The fields of one login event as read, before mapping: filled straight from the JSON by
/// <see cref="LoginPageParser"/>, then turned into an <see cref="AuditEvent"/> by <see cref="LoginEventMapper.Build"/>.
/// </summary>
internal struct LoginFields
{
    public long Id;
    public NodaTime.Instant Time;
    public NodaTime.Offset Offset;

    /// <summary>The account id in <c>D</c> form, or <see langword="null"/> for none or the empty GUID.</summary>
    public string? UserId;
    public string? User;
    public string? Login;

    /// <summary>The localized sentence the server sends as <c>action</c>.</summary>
    public string? Sentence;
    public int? ActionId;
    public string? Ip;
    public string? Country;
    public string? City;
    public string? Browser;
    public string? Platform;
    public string? Page;

    /// <summary>The properties not listed above, in the order sent, or <see langword="null"/>.</summary>
    public List<KeyValuePair<string, AuditValue>>? Extra;

    /// <summary>The record's JSON text as sent, when raw records are asked for; otherwise <see langword="null"/>.</summary>
    public string? RawRecord;
}
