using System.Net.Http.Headers;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// A fixed token sent as <c>Authorization: Bearer</c>: an API key or an access token.
/// </summary>
internal sealed class TokenCredential(DocSpaceCredentialKind kind, string token) : DocSpaceCredential
{
    public override DocSpaceCredentialKind Kind { get; } = kind;

    internal override ValueTask ApplyAsync(HttpRequestMessage request, string source, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return ValueTask.CompletedTask;
    }
}
