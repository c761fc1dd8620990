using System.Text.Json.Serialization;

namespace AuditAggregator;

/// <summary>
/// The broad kind of an <see cref="AuditEvent"/>, as the JSON field <c>category</c> names it.
/// </summary>
public enum AuditCategory
{
    /// <summary>Logins, logouts and sessions.</summary>
    [JsonStringEnumMemberName("authentication")]
    Authentication,

    /// <summary>Operations on files and folders.</summary>
    [JsonStringEnumMemberName("file")]
    File,

    /// <summary>Shares, sends, receive folders and direct links.</summary>
    [JsonStringEnumMemberName("sharing")]
    Sharing,

    /// <summary>Changes to user accounts.</summary>
    [JsonStringEnumMemberName("account")]
    Account,

    /// <summary>Changes to notifications.</summary>
    [JsonStringEnumMemberName("notification")]
    Notification,

    /// <summary>Webhook deliveries.</summary>
    [JsonStringEnumMemberName("webhook")]
    Webhook,

    /// <summary>Anything the vocabulary does not name; the raw vendor code is kept in <see cref="AuditEvent.VendorAction"/>.</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}
