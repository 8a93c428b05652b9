using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Infrastructure.Security;

public sealed class KeyStorageOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file whose certificate encrypts the keys at rest. Empty: keys are stored as they are.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Its password; from the environment (DataProtection__CertificatePassword), never from a file in the repo.</summary>
    public string? CertificatePassword { get; set; }
}

/// <summary>
/// The keys that sign the web session, the anti-forgery token and the local chat person. They live with the
/// data (var/keys), so sessions survive a restart, readable by the bot's own user only, and encrypted with a
/// certificate when DataProtection:CertificatePath is set.
/// </summary>
public static class KeyStorage
{
    public static IServiceCollection AddKeyStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var dataProtection = services.AddDataProtection();
        if (LoadCertificate(configuration.GetSection(KeyStorageOptions.Section).Get<KeyStorageOptions>() ?? new()) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, ILoggerFactory>((o, storage, logs) =>
            o.XmlRepository = new PrivateFileXmlRepository(new DirectoryInfo(Path.Combine(storage.Value.ResolvedDirectory, "keys")), logs));
        return services;
    }

    private static X509Certificate2? LoadCertificate(KeyStorageOptions o)
    {
        if (string.IsNullOrWhiteSpace(o.CertificatePath))
        {
            return null;
        }

        if (!File.Exists(o.CertificatePath))
        {
            throw new InvalidOperationException($"DataProtection:CertificatePath {o.CertificatePath} does not exist.");
        }

        var cert = X509CertificateLoader.LoadPkcs12FromFile(o.CertificatePath, o.CertificatePassword);
        if (!cert.HasPrivateKey)
        {
            throw new InvalidOperationException("DataProtection:CertificatePath has no private key; it could encrypt the keys but never read them back.");
        }

        return cert;
    }
}
/// <summary>The key files, with the directory mode 700 and every file mode 600 on Unix.</summary>
public sealed class PrivateFileXmlRepository : IXmlRepository
{
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly DirectoryInfo _directory;
    private readonly FileSystemXmlRepository _files;

    public PrivateFileXmlRepository(DirectoryInfo directory, ILoggerFactory logs)
    {
        _directory = directory;
        _files = new FileSystemXmlRepository(directory, logs);
        Restrict();
    }

    public IReadOnlyCollection<XElement> GetAllElements() => _files.GetAllElements();

    public void StoreElement(XElement element, string friendlyName)
    {
        // The directory is closed before the file is written, so nobody else can open it in between.
        Restrict();
        _files.StoreElement(element, friendlyName);
        Restrict();
    }

    private void Restrict()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        Directory.CreateDirectory(_directory.FullName, DirectoryMode);
        File.SetUnixFileMode(_directory.FullName, DirectoryMode);
        foreach (var file in Directory.EnumerateFiles(_directory.FullName))
        {
            File.SetUnixFileMode(file, FileMode);
        }
    }
}
