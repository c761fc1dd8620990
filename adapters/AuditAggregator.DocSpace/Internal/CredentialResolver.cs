namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// Turns the credential properties of <see cref="DocSpaceOptions"/> into the one <see cref="DocSpaceCredential"/>.
/// </summary>
internal static class CredentialResolver
{
    public static int CountGiven(DocSpaceOptions options)
    {
        var count = 0;
        count += options.Credential is null ? 0 : 1;
        count += string.IsNullOrEmpty(options.ApiKey) ? 0 : 1;
        count += string.IsNullOrEmpty(options.AccessToken) ? 0 : 1;
        count += string.IsNullOrEmpty(options.SessionToken) ? 0 : 1;
        count += string.IsNullOrEmpty(options.Email) && string.IsNullOrEmpty(options.Password) ? 0 : 1;
        return count;
    }

    public static DocSpaceCredential Resolve(DocSpaceOptions options)
    {
        if (options.Credential is { } credential)
        {
            return credential;
        }

        if (!string.IsNullOrEmpty(options.ApiKey))
        {
            return DocSpaceCredential.ApiKey(options.ApiKey);
        }

        if (!string.IsNullOrEmpty(options.AccessToken))
        {
            return DocSpaceCredential.Bearer(options.AccessToken);
        }

        if (!string.IsNullOrEmpty(options.SessionToken))
        {
            return DocSpaceCredential.SessionCookie(options.SessionToken);
        }

        if (!string.IsNullOrEmpty(options.Email) || !string.IsNullOrEmpty(options.Password))
        {
            return DocSpaceCredential.Basic(options.Email!, options.Password!);
        }

        throw new InvalidOperationException("DocSpaceOptions carries no credential.");
    }
}
