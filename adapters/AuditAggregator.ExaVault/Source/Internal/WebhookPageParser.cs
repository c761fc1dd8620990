using System.Globalization;
using System.Text.Json;
using AuditAggregator.Parsing;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Reads a webhook log page straight into events, equal to <see cref="WebhookMapper.Map"/> over the
/// <see cref="ExaVaultJsonContext"/> DTOs (see <see cref="ExaVaultPageParser"/>). The nested <c>details</c> object is
/// walked once for the fields either format carries, then kept as its raw text.
/// </summary>
internal sealed class WebhookPageParser : ExaVaultPageParser
{
    private static readonly PropertyNames Names = new(
        "webhookId", "webhookFormat", "webhookPath", "accountId", "attemptId", "resend", "created", "endpointUrl", "event",
        "status", "response", "ipAddress", "resourcePath", "username", "details");

    private long? _webhookId;
    private string? _webhookFormat;
    private string? _webhookPath;
    private string? _accountId;
    private string? _attemptId;
    private bool? _resend;
    private string? _endpointUrl;
    private string? _event;
    private int? _status;
    private string? _response;
    private string? _ipAddress;
    private string? _resourcePath;
    private string? _username;
    private AuditValue? _details;

    // What WebhookMapper reads from an object-valued details (JsonElement.TryGetProperty: exact name, last one wins).
    private AuditValue? _innerProtocol;
    private AuditValue? _innerAttempt;
    private AuditValue? _innerEventTimestamp;
    private AuditValue? _innerTransferStatus;
    private string? _innerUsername;
    private string? _innerIpAddress;

    public WebhookPageParser(Utf8StringCache strings, bool includeRawRecord = false)
        : base(strings, includeRawRecord)
    {
    }

    protected override void ResetAttributes()
    {
        base.ResetAttributes();
        _webhookId = null;
        _webhookFormat = _webhookPath = _accountId = _attemptId = _endpointUrl = _event = _response = _ipAddress = _resourcePath = _username = null;
        _resend = null;
        _status = null;
        _details = null;
        ResetInner();
    }

    protected override bool ReadAttributes(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = Names.Find(ref reader, Strings, out var unknown);
            reader.Read();
            var read = field switch
            {
                0 => TryReadInt64(ref reader, out _webhookId),
                1 => TryReadString(ref reader, cached: true, out _webhookFormat),
                2 => TryReadString(ref reader, cached: true, out _webhookPath),
                3 => TryReadString(ref reader, cached: true, out _accountId),
                4 => TryReadString(ref reader, cached: false, out _attemptId),
                5 => TryReadBoolean(ref reader, out _resend),
                6 => ReadCreated(ref reader),
                7 => TryReadString(ref reader, cached: true, out _endpointUrl),
                8 => TryReadString(ref reader, cached: true, out _event),
                9 => TryReadInt32(ref reader, out _status),
                10 => TryReadString(ref reader, cached: true, out _response),
                11 => TryReadString(ref reader, cached: true, out _ipAddress),
                12 => TryReadString(ref reader, cached: false, out _resourcePath),
                13 => TryReadString(ref reader, cached: true, out _username),
                14 => ReadDetails(ref reader, json),
                _ => AddUnknown(unknown!, ref reader, json),
            };
            if (!read)
            {
                return false;
            }
        }

        return true;
    }

    protected override AuditEvent Map(long id)
    {
        var format = _webhookFormat;
        var isV1 = string.IsNullOrEmpty(format) || string.Equals(format, "v1", StringComparison.OrdinalIgnoreCase);
        var isV2 = string.Equals(format, "v2", StringComparison.OrdinalIgnoreCase);
        AddDetail("endpointUrl", _endpointUrl);
        AddDetail("status", _status);
        AddDetail("response", _response);
        AddDetail("attemptId", _attemptId);
        AddDetail("resend", _resend);
        AddDetail("webhookId", _webhookId);
        AddDetail("webhookPath", _webhookPath);
        AddDetail("accountId", _accountId);
        AddDetail("webhookFormat", format);
        if (isV1 || isV2)
        {
            AddInner("protocol", _innerProtocol);
        }

        if (isV1)
        {
            AddInner("attempt", _innerAttempt);
        }

        if (isV2)
        {
            AddInner("eventTimestamp", _innerEventTimestamp);
            AddInner("transferStatus", _innerTransferStatus);
        }

        AddInner("details", _details);
        return new AuditEvent
        {
            Source = ExaVaultSourceNames.Source,
            Stream = ExaVaultSourceNames.WebhookStream,
            SourceId = id.ToString(CultureInfo.InvariantCulture),
            Time = Time,
            Offset = Offset,
            Category = AuditCategory.Webhook,
            Action = AuditActions.WebhookDelivery,
            Outcome = _status switch
            {
                null => AuditOutcome.Unknown,
                >= 200 and < 300 => AuditOutcome.Success,
                _ => AuditOutcome.Failure,
            },
            Actor = ActorOf(EntryParts.NullIfEmpty(_username) ?? _innerUsername),
            Ip = EntryParts.NullIfEmpty(_ipAddress) ?? (isV2 ? _innerIpAddress : null),
            Resource = EntryParts.NullIfEmpty(_resourcePath),
            VendorAction = _event ?? string.Empty,
            Details = BuildDetails(),
        };
    }

    protected override ExaVaultParsedPage ParseWithDtos(ReadOnlySpan<byte> body, int status) =>
        ParseWithDtos(body, status, ExaVaultJsonContext.Default.ExaVaultLogPageExaVaultWebhookAttributes, WebhookMapper.Map);

    private void AddInner(string key, AuditValue? value)
    {
        if (value is { } known)
        {
            AddDetail(key, known);
        }
    }

    private bool ReadDetails(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        ResetInner();
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                _details = null;
                return true;
            case JsonTokenType.StartObject:
                var start = reader.TokenStartIndex;
                if (!ReadDetailsObject(ref reader, json))
                {
                    return false;
                }

                _details = JsonAuditValues.FromCompletedValue(ref reader, json, start);
                return true;
            default:
                _details = JsonAuditValues.Read(ref reader, json, Strings);
                return true;
        }
    }

    /// <summary>
    /// Walks an object-valued details once, from its start to its end, picking the fields either format carries; the
    /// caller then keeps the whole object as its raw text.
    /// </summary>
    /// <returns><see langword="false"/> for an escaped name, which the DTO path compares unescaped.</returns>
    private bool ReadDetailsObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> json)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueIsEscaped)
            {
                return false;
            }

            var name = reader.ValueSpan;
            reader.Read();
            if (name.SequenceEqual("protocol"u8))
            {
                _innerProtocol = ReadInner(ref reader, json, Strings);
            }
            else if (name.SequenceEqual("attempt"u8))
            {
                _innerAttempt = ReadInner(ref reader, json, Strings);
            }
            else if (name.SequenceEqual("eventTimestamp"u8))
            {
                _innerEventTimestamp = ReadInner(ref reader, json, null);
            }
            else if (name.SequenceEqual("username"u8))
            {
                _innerUsername = ReadInnerText(ref reader);
            }
            else if (name.SequenceEqual("ipAddress"u8))
            {
                _innerIpAddress = ReadInnerText(ref reader);
            }
            else if (name.SequenceEqual("eventData"u8))
            {
                _innerTransferStatus = null;
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    reader.Skip();
                    continue;
                }

                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    if (reader.ValueIsEscaped)
                    {
                        return false;
                    }

                    var isTransferStatus = reader.ValueSpan.SequenceEqual("transferStatus"u8);
                    reader.Read();
                    if (isTransferStatus)
                    {
                        _innerTransferStatus = ReadInner(ref reader, json, Strings);
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
            else
            {
                reader.Skip();
            }
        }

        return true;
    }

    private static AuditValue? ReadInner(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Utf8StringCache? strings) =>
        reader.TokenType == JsonTokenType.Null ? (AuditValue?)null : JsonAuditValues.Read(ref reader, json, strings);

    private string? ReadInnerText(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return EntryParts.NullIfEmpty(Strings.GetString(ref reader));
        }

        reader.Skip();
        return null;
    }

    private void ResetInner()
    {
        _innerProtocol = _innerAttempt = _innerEventTimestamp = _innerTransferStatus = null;
        _innerUsername = _innerIpAddress = null;
    }
}
