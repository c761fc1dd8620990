using System.Net.Http.Headers;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// An access token asked for before every request, so that a rotated token is used from the next request on.
/// </summary>
internal sealed class TokenProviderCredential(Func<CancellationToken, ValueTask<string>> tokenProvider) : DocSpaceCredential
{
    public override DocSpaceCredentialKind Kind => DocSpaceCredentialKind.Bearer;

    internal override async ValueTask ApplyAsync(HttpRequestMessage request, string source, CancellationToken cancellationToken)
    {
        string token;
        try
        {
            token = await tokenProvider(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not AuditException)
        {
            throw new AuditSourceException(source, AuditErrorKind.Authentication, "The access-token provider failed.", innerException: ex);
        }

        try
        {
            CredentialText.Check(token, nameof(tokenProvider));
        }
        catch (ArgumentException)
        {
            throw new AuditSourceException(source, AuditErrorKind.Authentication, "The access-token provider returned an empty or unusable token.");
        }

        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }
}
