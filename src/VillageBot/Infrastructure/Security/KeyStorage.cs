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
/// data, so sessions survive a restart, and are encrypted with a certificate when DataProtection:CertificatePath is
/// set: on LiteDB in var/keys, readable by the bot's own user only; on PostgreSQL in the database, so every instance
/// reads what another one signed.
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

        services.AddOptions<KeyManagementOptions>().Configure<IOptions<StorageOptions>, ILoggerFactory, IServiceProvider>((o, storage, logs, sp) =>
            o.XmlRepository = storage.Value.Provider == StorageProvider.PostgreSql
                ? new DatabaseXmlRepository(sp.GetRequiredService<IDocumentStore>())
                : new PrivateFileXmlRepository(new DirectoryInfo(FilesOf(storage.Value.ResolvedDirectory)), logs));
        return services;
    }

    /// <summary>The folder of the key files in a data directory.</summary>
    public static string FilesOf(string dataDirectory) => Path.Combine(dataDirectory, "keys");

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

/// <summary>A Data Protection key (or revocation) as the key manager wrote it, under the name it gave it.</summary>
[StoredIn(DatabaseXmlRepository.CollectionName)]
public sealed class DataProtectionKey
{
    public string Id { get; set; } = "";

    public string Xml { get; set; } = "";
}

/// <summary>The keys in the document store, one document each: every instance on the database uses the same ones.</summary>
public sealed class DatabaseXmlRepository(IDocumentStore store) : IXmlRepository
{
    public const string CollectionName = "dataprotection_keys";

    private IDocumentCollection<DataProtectionKey> Keys => store.Collection<DataProtectionKey>(CollectionName);

    public IReadOnlyCollection<XElement> GetAllElements() => [.. Keys.FindAll().Select(k => XElement.Parse(k.Xml))];

    public void StoreElement(XElement element, string friendlyName)
    {
        // Names are the key's id ("key-<guid>"); one taken anyway must not replace a key another instance signs with.
        var xml = element.ToString(SaveOptions.DisableFormatting);
        if (!Keys.TryInsert(new DataProtectionKey { Id = friendlyName, Xml = xml }))
        {
            Keys.Insert(new DataProtectionKey { Id = $"{friendlyName}-{Guid.NewGuid():N}", Xml = xml });
        }
    }

    /// <summary>
    /// The key files of a bot on LiteDB (var/keys) into the database, for the migrate command: sessions signed before the
    /// move stay valid after it. A second run rewrites the same documents. Null when there are no key files.
    /// </summary>
    public MigratedCollection? CopyFiles(string dataDirectory)
    {
        var directory = KeyStorage.FilesOf(dataDirectory);
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.xml") : [];
        if (files.Length == 0)
        {
            return null;
        }

        foreach (var file in files)
        {
            Keys.Upsert(new DataProtectionKey { Id = Path.GetFileNameWithoutExtension(file), Xml = XElement.Load(file).ToString(SaveOptions.DisableFormatting) });
        }

        return new MigratedCollection(CollectionName, files.Length, files.Length, Keys.Count());
    }
}
