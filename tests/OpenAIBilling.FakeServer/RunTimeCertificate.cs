using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace OpenAIBilling.FakeServer;

/// <summary>
/// The certificate for --https, made at start-up: a throwaway certificate authority (written as PEM for the clients
/// to trust through SSL_CERT_FILE, never a machine store) and a server certificate it signs for 127.0.0.1.
/// </summary>
internal static class RunTimeCertificate
{
    public static X509Certificate2 Create(string authorityPemPath)
    {
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest("CN=OpenAIBilling fake server test CA", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        using X509Certificate2 authority = authorityRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2));

        using var serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var serverRequest = new CertificateRequest("CN=127.0.0.1", serverKey, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        serverRequest.CertificateExtensions.Add(names.Build());
        serverRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        serverRequest.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        byte[] serial = RandomNumberGenerator.GetBytes(16);
        using X509Certificate2 signed = serverRequest.Create(authority, now.AddMinutes(-5), now.AddDays(1), serial);
        X509Certificate2 server = signed.CopyWithPrivateKey(serverKey);

        string full = Path.GetFullPath(authorityPemPath);
        string temp = full + "." + Environment.ProcessId + ".tmp";
        File.WriteAllText(temp, authority.ExportCertificatePem() + "\n");
        File.Move(temp, full, overwrite: true);
        return server;
    }
}
