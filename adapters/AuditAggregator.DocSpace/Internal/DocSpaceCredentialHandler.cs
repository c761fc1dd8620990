namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Puts one source's credential on every request, in the scheme the server reads (bearer key or token, Basic, or
/// the <c>asc_auth_key</c> cookie); a token provider is asked before every request, so rotated tokens are used.
/// </summary>
/// <remarks>
/// It never logs or echoes the credential; a token provider's failure becomes an
/// <see cref="AuditErrorKind.Authentication"/> error naming the source, and no request is sent.
/// </remarks>
internal sealed class DocSpaceCredentialHandler(DocSpaceCredential credential, string source) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await credential.ApplyAsync(request, source, cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);

        // The error path reads the credential back from here to cut it out of an echoing error message; the socket
        // handler sets it, a caller's own primary handler may not.
        response.RequestMessage ??= request;
        return response;
    }
}
