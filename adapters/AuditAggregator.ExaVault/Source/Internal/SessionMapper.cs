using System.Text.Json;

namespace AuditAggregator.ExaVault.Internal;

/// <summary>
/// Maps a session activity entry to an <see cref="AuditEvent"/> (see <c>audit-event.md</c>).
/// </summary>
internal static class SessionMapper
{
    private static readonly ExaVaultSessionAttributes None = new();

    public static AuditEvent Map(ExaVaultLogEntry<ExaVaultSessionAttributes> entry, bool includeRawRecord)
    {
        const string stream = ExaVaultSourceNames.SessionStream;
        var attributes = entry.Attributes ?? None;
        var id = EntryParts.Id(entry.Id, stream);
        var (time, offset) = EntryParts.Time(attributes.Created, id, stream);
        var (action, name) = OperationCodes.Lookup(attributes.Operation);

        var details = new DetailsBuilder()
            .Add("protocol", attributes.Protocol)
            .Add("sessionId", attributes.SessionId)
            .Add("status", attributes.Status)
            .Add("fileSource", attributes.FileSource)
            .Add("bytesTransferred", attributes.BytesTransferred)
            .Add("duration", attributes.Duration);
        if (action is AuditActions.Rename or AuditActions.Move)
        {
            // fileName is the new path; the vendor's fileSource is the only candidate for the old one.
            details.Add("oldPath", attributes.FileSource);
        }

        return new AuditEvent
        {
            Source = ExaVaultSourceNames.Source,
            Vendor = ExaVaultSourceNames.Vendor,
            Stream = stream,
            SourceId = id,
            Time = time,
            Offset = offset,
            Category = AuditActions.All[action],
            Action = action,
            Outcome = OutcomeOf(action, attributes.Status),
            Actor = EntryParts.Actor(attributes.Username),
            Ip = EntryParts.NullIfEmpty(attributes.IpAddress),
            Resource = EntryParts.NullIfEmpty(attributes.FileName),
            VendorAction = attributes.Operation ?? string.Empty,
            VendorActionName = name,
            Details = details.AddAll(attributes.AdditionalAttributes).Build(),
            RawRecord = includeRawRecord ? JsonSerializer.Serialize(entry, ExaVaultJsonContext.Default.ExaVaultLogEntryExaVaultSessionAttributes) : null,
        };
    }

    /// <summary>
    /// <c>failed</c> is a failure; otherwise a login is a success only with the ordinary <c>-</c> (or no status),
    /// other known operations are successes, and unknown ones stay unknown.
    /// </summary>
    internal static AuditOutcome OutcomeOf(string action, string? status)
    {
        var trimmed = status?.Trim();
        if (string.Equals(trimmed, "failed", StringComparison.OrdinalIgnoreCase))
        {
            return AuditOutcome.Failure;
        }

        return action switch
        {
            AuditActions.Other => AuditOutcome.Unknown,
            AuditActions.Login => string.IsNullOrEmpty(trimmed) || trimmed == "-" ? AuditOutcome.Success : AuditOutcome.Unknown,
            _ => AuditOutcome.Success,
        };
    }
}
