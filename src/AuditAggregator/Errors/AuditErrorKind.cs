namespace AuditAggregator;

/// <summary>
/// What went wrong when a source failed.
/// </summary>
public enum AuditErrorKind
{
    /// <summary>The cause is not known more precisely.</summary>
    Unknown,

    /// <summary>The credential was missing, wrong, expired or revoked (HTTP 401).</summary>
    Authentication,

    /// <summary>The credential is valid but lacks the permission (HTTP 403).</summary>
    Authorization,

    /// <summary>The vendor plan or the account's payment does not allow the request (HTTP 402).</summary>
    Plan,

    /// <summary>The vendor rejected the request as malformed (HTTP 400).</summary>
    BadRequest,

    /// <summary>The resource does not exist (HTTP 404).</summary>
    NotFound,

    /// <summary>The vendor throttled the request (HTTP 429), or the request allowance is used up.</summary>
    RateLimited,

    /// <summary>The vendor failed (HTTP 5xx).</summary>
    Server,

    /// <summary>The connection failed or timed out.</summary>
    Network,

    /// <summary>The vendor answered with a body that is not the documented JSON.</summary>
    MalformedResponse,

    /// <summary>The vendor broke the paging protocol: a repeated page, or more pages than allowed.</summary>
    Paging,

    /// <summary>The source is configured wrongly.</summary>
    Configuration,
}
