using System.Text.Json.Serialization;

namespace AuditAggregator;

/// <summary>
/// Whether the audited action succeeded, as the JSON field <c>outcome</c> names it.
/// </summary>
public enum AuditOutcome
{
    /// <summary>The action succeeded.</summary>
    [JsonStringEnumMemberName("success")]
    Success,

    /// <summary>The action failed, for example a login with a wrong password.</summary>
    [JsonStringEnumMemberName("failure")]
    Failure,

    /// <summary>The vendor did not say.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,
}
