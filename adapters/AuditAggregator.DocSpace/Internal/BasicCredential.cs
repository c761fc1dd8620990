using System.Net.Http.Headers;
using System.Text;

namespace AuditAggregator.DocSpace.Internal;

/// <summary>
/// An e-mail address and password sent as <c>Authorization: Basic base64(email:password)</c> (UTF-8).
/// </summary>
internal sealed class BasicCredential : DocSpaceCredential
{
    private readonly string _encoded;

    public BasicCredential(string email, string password)
    {
        CredentialText.Check(email, nameof(email), forbidden: ":");
        CredentialText.Check(password, nameof(password));
        _encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes(email + ":" + password));
    }

    public override DocSpaceCredentialKind Kind => DocSpaceCredentialKind.Basic;

    internal override ValueTask ApplyAsync(HttpRequestMessage request, string source, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", _encoded);
        return ValueTask.CompletedTask;
    }
}
